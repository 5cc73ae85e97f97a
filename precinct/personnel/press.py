"""Personnel's paragraphs of the press-release draft, in the manner of the board meeting's release: the
discipline and the training, then those killed and injured in the line of duty, when there were any."""

from precinct.core.press import Number, Paragraph


def paragraphs(result, period, language: str) -> list[Paragraph]:
    figure = result.figure
    investigated = figure("personnel.investigated")
    found = []
    if investigated.value:
        found.append(discipline(figure, language))
    killed, injured = figure("personnel.killed"), figure("personnel.injured")
    if killed.value or injured.value:
        found.append(casualties(killed, injured, language))
    return found


def discipline(figure, language: str) -> Paragraph:
    if language == "az":
        return [
            "Xidməti intizam və etik davranış qaydalarını pozmuş ",
            Number(figure("personnel.investigated")),
            " əməkdaş barəsində araşdırma aparılmış, onlardan ",
            Number(figure("personnel.dismissed")),
            " nəfər xidmətdən xaric edilmiş, ",
            Number(figure("personnel.released")),
            " nəfər tutduğu vəzifədən azad olunmuş, ",
            Number(figure("personnel.other_sanctions")),
            " nəfər barəsində digər intizam tənbehi tədbirləri görülmüşdür. İnsan hüquqları mövzusunda "
            "keçirilən seminar, təlim kursu və konfranslarda ",
            Number(figure("personnel.trained_human_rights")),
            " əməkdaş iştirak etmiş, beynəlxalq təşkilatlar xətti ilə ",
            Number(figure("personnel.trained_international")),
            " əməkdaş təlim keçmişdir.",
        ]
    return [
        "Investigations were conducted on ",
        Number(figure("personnel.investigated")),
        " employees who violated the rules of service discipline and ethical behaviour: ",
        Number(figure("personnel.dismissed")),
        " were dismissed from service, ",
        Number(figure("personnel.released")),
        " were released from their positions, and ",
        Number(figure("personnel.other_sanctions")),
        " were subject to other disciplinary measures. ",
        Number(figure("personnel.trained_human_rights")),
        " employees took part in seminars, training courses and conferences on human rights, and ",
        Number(figure("personnel.trained_international")),
        " were trained through international organisations.",
    ]


def casualties(killed, injured, language: str) -> Paragraph:
    if language == "az":
        return [
            "Xidməti vəzifələrini yerinə yetirərkən polis əməkdaşlarından ",
            Number(killed),
            " nəfər həlak olmuş, ",
            Number(injured),
            " nəfər yaralanmışdır.",
        ]
    return [
        "In the line of duty, ",
        Number(killed),
        " police employees were killed and ",
        Number(injured),
        " were injured.",
    ]
