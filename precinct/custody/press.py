"""Custody's paragraph of the press-release draft: how many were detained, and how the law was kept."""

from precinct.core.press import Number, Paragraph, said


def paragraphs(result, period, language: str) -> list[Paragraph]:
    figure = result.figure
    detained = figure("custody.persons")
    if not detained.value:
        return []
    if language == "az":
        return [
            [
                Number(detained),
                " şəxs saxlanılmış, saxlanılmaların ",
                Number(figure("custody.in_time_share")),
                " faizində hüquqların izahı, ailənin məlumatlandırılması, vəkil, lazım olduqda tərcüməçi, "
                "tibbi müayinə və prokurora məlumat vaxtında təmin edilmiş, dindirmələrin ",
                Number(figure("custody.recorded_share")),
                " faizi audio və ya videoyazıya alınmışdır.",
            ]
        ]
    return [
        [
            Number(detained),
            said(detained, " person was detained; in ", " persons were detained; in "),
            Number(figure("custody.in_time_share")),
            " percent of the detentions the rights were explained, the family told, a lawyer, an interpreter "
            "where needed, a medical examination and the prosecutor's notice given in time, and ",
            Number(figure("custody.recorded_share")),
            " percent of the interrogations were recorded on audio or video.",
        ]
    ]
