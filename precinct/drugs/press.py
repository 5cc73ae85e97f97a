"""The drugs' paragraph of the press-release draft, in the manner of the board meeting's release."""

from precinct.core.measures import Direction
from precinct.core.press import CHANGE, Number, Paragraph

LAST_YEAR = " than in the corresponding period of last year"
MORE = {
    "en": {Direction.UP: " more" + LAST_YEAR, Direction.DOWN: " less" + LAST_YEAR},
    "az": {Direction.UP: " çox", Direction.DOWN: " az"},
}


def paragraphs(result, period, language: str) -> list[Paragraph]:
    figure = result.figure
    narcotic = figure("drugs.narcotic_mass")
    moved = MORE[language].get(narcotic.direction)
    if language == "az":
        change = (
            ["ötən ilin müvafiq dövrü ilə müqayisədə ", Number(narcotic, CHANGE), f"{moved}, yəni "]
            if moved
            else []
        )
        return [
            [
                "Narkotiklərin qanunsuz dövriyyəsinə qarşı mübarizə tədbirləri də nəzarətdə saxlanılmış, ",
                *change,
                Number(narcotic),
                " narkotik vasitə və ",
                Number(figure("drugs.psychotropic_mass")),
                " psixotrop maddə qanunsuz dövriyyədən çıxarılmış, ",
                Number(figure("drugs.group_members")),
                " nəfərdən ibarət ",
                Number(figure("drugs.groups_neutralized")),
                " cinayətkar qrup zərərsizləşdirilmiş, bu cinayətlərə görə ümumilikdə ",
                Number(figure("drugs.prosecuted")),
                " nəfər məsuliyyətə cəlb edilmişdir. Narkomaniyaya qarşı təbliğat sahəsində "
                "təhsil müəssisələrində ",
                Number(figure("drugs.prevention_events")),
                " maarifləndirici tədbir keçirilmişdir.",
            ]
        ]
    change = ["", Number(narcotic, CHANGE), f"{moved} — that is, "] if moved else [""]
    return [
        [
            "Measures to combat illegal drug trafficking were also kept under control: ",
            *change,
            Number(narcotic),
            " of narcotic drugs and ",
            Number(figure("drugs.psychotropic_mass")),
            " of psychotropic substances were removed from illegal circulation, ",
            Number(figure("drugs.groups_neutralized")),
            " criminal groups consisting of ",
            Number(figure("drugs.group_members")),
            " people were neutralized, and a total of ",
            Number(figure("drugs.prosecuted")),
            " people were prosecuted for these crimes. In the field of anti-narcotic propaganda, ",
            Number(figure("drugs.prevention_events")),
            " educational events were held in educational institutions.",
        ]
    ]
