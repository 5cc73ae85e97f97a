"""Personnel's paragraphs of the press-release draft, in the manner of the board meeting's release: the
discipline and the training, then those killed and injured in the line of duty, when there were any."""

from precinct.core.press import Number, Paragraph, said, table_figure


def paragraphs(result, period, language: str) -> list[Paragraph]:
    figure = result.figure
    investigated = figure("personnel.investigated")
    found = []
    if investigated.value:
        found.append(discipline(figure, language) + rudeness(result, language) + training(figure, language))
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
            " nəfər barəsində digər intizam tənbehi tədbirləri görülmüşdür.",
        ]
    investigated, dismissed = figure("personnel.investigated"), figure("personnel.dismissed")
    released, other = figure("personnel.released"), figure("personnel.other_sanctions")
    return [
        "Investigations were conducted on ",
        Number(investigated),
        said(investigated, " employee who violated", " employees who violated"),
        " the rules of service discipline and ethical behaviour: ",
        Number(dismissed),
        said(dismissed, " was", " were"),
        " dismissed from service, ",
        Number(released),
        said(released, " was", " were"),
        " released from their positions, and ",
        Number(other),
        said(other, " was", " were"),
        " subject to other disciplinary measures.",
    ]


def rudeness(result, language: str) -> Paragraph:
    """The sanctions for rudeness to citizens, which the ministry reports apart, when there were any."""
    dismissed, released, other = (
        table_figure(result, f"personnel.grounds.rudeness.{name}")
        for name in ("dismissed", "released", "other")
    )
    if not (dismissed.value or released.value or other.value):
        return []
    if language == "az":
        return [
            " Vətəndaşlarla kobud rəftara yol verdiklərinə görə ", Number(dismissed),
            " əməkdaş xidmətdən xaric edilmiş, ", Number(released),
            " əməkdaş tutduğu vəzifədən azad olunmuş, ", Number(other),
            " əməkdaş barəsində digər intizam tənbehi tədbirləri görülmüşdür.",
        ]  # fmt: skip
    return [
        " For rudeness to citizens, ", Number(dismissed), " employees were dismissed from service, ",
        Number(released), " released from their positions and ", Number(other),
        " given other disciplinary measures.",
    ]  # fmt: skip


def training(figure, language: str) -> Paragraph:
    """Those trained on human rights, and through international organisations when there were any."""
    international, human_rights = (
        figure("personnel.trained_international"),
        figure("personnel.trained_human_rights"),
    )
    if not human_rights.value:
        if not international.value:
            return []
        if language == "az":
            return [" Beynəlxalq təşkilatlar xətti ilə ", Number(international), " əməkdaş təlim keçmişdir."]
        return [" ", Number(international), " employees were trained through international organisations."]
    if language == "az":
        return [
            " İnsan hüquqları mövzusunda keçirilən seminar, təlim kursu və konfranslarda ",
            Number(figure("personnel.trained_human_rights")),
            *(
                [" əməkdaş iştirak etmiş, beynəlxalq təşkilatlar xətti ilə ", Number(international),
                 " əməkdaş təlim keçmişdir."]
                if international.value
                else [" əməkdaş iştirak etmişdir."]
            ),
        ]  # fmt: skip
    return [
        " ",
        Number(figure("personnel.trained_human_rights")),
        " employees took part in seminars, training courses and conferences on human rights",
        *(
            [", and ", Number(international), " were trained through international organisations."]
            if international.value
            else ["."]
        ),
    ]


def casualties(killed, injured, language: str) -> Paragraph:
    """Those killed and those injured; a count of none is left unsaid."""
    if language == "az":
        told = ["Xidməti vəzifələrini yerinə yetirərkən polis əməkdaşlarından "]
        if killed.value:
            told += [Number(killed), " nəfər həlak olmuş" + (", " if injured.value else "dur.")]
        if injured.value:
            told += [Number(injured), " nəfər yaralanmışdır."]
        return told
    told = ["In the line of duty, "]
    if killed.value:
        told += [Number(killed), said(killed, " police employee was killed", " police employees were killed")]
        told.append(" and " if injured.value else ".")
    if injured.value:
        if killed.value:
            told += [Number(injured), said(injured, " was injured.", " were injured.")]
        else:
            told += [
                Number(injured),
                said(injured, " police employee was injured.", " police employees were injured."),
            ]
    return told
