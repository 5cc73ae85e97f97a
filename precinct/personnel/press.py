"""Personnel's paragraph of the press-release draft, in the manner of the board meeting's release."""

from precinct.core.press import Number, Paragraph


def paragraphs(result, period, language: str) -> list[Paragraph]:
    figure = result.figure
    investigated = figure("personnel.investigated")
    if not investigated.value:
        return []
    if language == "az":
        return [
            [
                "Xidməti intizam və etik davranış qaydalarını pozmuş ",
                Number(investigated),
                " əməkdaş barəsində araşdırma aparılmış, onlardan ",
                Number(figure("personnel.dismissed")),
                " nəfər xidmətdən xaric edilmiş, ",
                Number(figure("personnel.released")),
                " nəfər tutduğu vəzifədən azad olunmuş, ",
                Number(figure("personnel.other_sanctions")),
                " nəfər barəsində digər intizam tənbehi tədbirləri görülmüşdür. İnsan hüquqları mövzusunda "
                "keçirilən seminar, təlim kursu və konfranslarda ",
                Number(figure("personnel.trained_human_rights")),
                " əməkdaş iştirak etmişdir.",
            ]
        ]
    return [
        [
            "Investigations were conducted on ",
            Number(investigated),
            " employees who violated the rules of service discipline and ethical behaviour: ",
            Number(figure("personnel.dismissed")),
            " were dismissed from service, ",
            Number(figure("personnel.released")),
            " were released from their positions, and ",
            Number(figure("personnel.other_sanctions")),
            " were subject to other disciplinary measures. ",
            Number(figure("personnel.trained_human_rights")),
            " employees took part in seminars, training courses and conferences on human rights.",
        ]
    ]
