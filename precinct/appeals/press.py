"""The appeals' paragraph of the press-release draft, in the manner of the board meeting's release."""

from precinct.core.press import Number, Paragraph, in_period


def paragraphs(result, period, language: str) -> list[Paragraph]:
    figure = result.figure
    when = in_period(period, language)
    if language == "az":
        return [
            [
                f"{when} ",
                Number(figure("appeals.considered")),
                " müraciətə baxılmış, kütləvi informasiya vasitələrində əvvəlcədən məlumat verilməklə "
                "respublikanın ",
                Number(figure("appeals.reception_places")),
                " şəhər və rayonunda ",
                Number(figure("appeals.reception_received")),
                " vətəndaş qəbul edilmiş, müraciət müəlliflərindən ",
                Number(figure("appeals.gratitude")),
                " təşəkkür məktubu daxil olmuşdur. Müraciətlərin ",
                Number(figure("appeals.on_time_share")),
                " faizi qanunla müəyyən edilmiş müddətdə cavablandırılmışdır.",
            ]
        ]
    return [
        [
            f"{when}, ",
            Number(figure("appeals.considered")),
            " applications were considered; in parallel, ",
            Number(figure("appeals.reception_received")),
            " citizens were received in ",
            Number(figure("appeals.reception_places")),
            " cities and districts of the republic, with advance information in the mass media, and ",
            Number(figure("appeals.gratitude")),
            " letters of gratitude were received from the applicants. ",
            Number(figure("appeals.on_time_share")),
            " percent of the applications were answered within the legal deadline.",
        ]
    ]
