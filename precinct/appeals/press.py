"""The appeals' paragraph of the press-release draft, in the manner of the board meeting's release."""

from precinct.core.press import Number, Paragraph, in_period


def paragraphs(result, period, language: str) -> list[Paragraph]:
    figure = result.figure
    when = in_period(period, language)
    on_time = figure("appeals.on_time_share")
    answered = on_time.value is not None  # none fell due: nothing to say of the deadline
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
                " təşəkkür məktubu daxil olmuşdur.",
                *(
                    [
                        " Müraciətlərin ",
                        Number(on_time),
                        " faizi qanunla müəyyən edilmiş müddətdə cavablandırılmışdır.",
                    ]
                    if answered
                    else []
                ),
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
            " letters of gratitude were received from the applicants.",
            *(
                [
                    " ",
                    Number(on_time),
                    " percent of the applications were answered within the legal deadline.",
                ]
                if answered
                else []
            ),
        ]
    ]
