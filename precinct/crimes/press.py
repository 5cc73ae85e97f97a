"""The crime section of the press-release draft, in the ministry's manner (see the board meeting's
release): solving first, then the categories that fell and rose, then groups, the wanted and damage."""

from decimal import Decimal

from precinct.core.measures import Direction
from precinct.core.press import CHANGE, PREVIOUS, Number, Paragraph, in_period, listing, lowered

# A release names the changes worth a sentence, not every category that moved by a case or two.
NOTABLE_CHANGE = Decimal("0.05")  # of a category's count, relative to last year
NOTABLE_SOLVING = Decimal("0.02")  # of a category's solving rate: two percentage points

MOVED = {
    "en": {Direction.DOWN: "fell by ", Direction.UP: "rose by "},
    "az": {Direction.DOWN: "azalaraq ", Direction.UP: "artaraq "},
}


def firearm_sentence(firearm, language: str) -> Paragraph:
    moved = MOVED[language].get(firearm.direction)
    if language == "az" and firearm.direction is not None:
        said = (
            "Ötən ilin müvafiq dövrü ilə müqayisədə odlu silahdan istifadə etməklə törədilmiş "
            "cinayətlərin sayı "
        )
        if moved is None:
            return [said, Number(firearm), " olmuş, dəyişməmişdir."]
        return [said, Number(firearm, CHANGE), f" {moved}", Number(firearm), " olmuşdur."]
    if firearm.direction is None:  # no records a year before to compare with
        if language == "az":
            return ["Odlu silahdan istifadə etməklə ", Number(firearm), " cinayət törədilmişdir."]
        return [Number(firearm), " crimes involving firearms were registered."]
    said = "Compared with the corresponding period of last year, crimes involving firearms "
    if moved is None:
        return [said, "did not change: ", Number(firearm), "."]
    return [said, moved, Number(firearm, CHANGE), " to ", Number(firearm), "."]


def category_items(result, language: str, direction: str) -> list[Paragraph]:
    """The categories whose registered crimes moved in the direction, with this year's and last year's."""
    items = []
    table = next(table for table in result.tables if table.table.name == "crimes.by_category")
    for _label, (registered, _solved) in table.rows:
        if registered.direction == direction and abs(registered.relative or 0) >= NOTABLE_CHANGE:
            name = registered.measure.labels.get(language) or registered.measure.labels["en"]
            ago = "a year before" if language == "en" else "ötən il"
            items.append(
                [
                    f"{lowered(name, language)} (",
                    Number(registered),
                    f"; {ago} ",
                    Number(registered, PREVIOUS),
                    ")",
                ]
            )
    return items


def solving_items(result, language: str) -> list[Paragraph]:
    items = []
    table = next(table for table in result.tables if table.table.name == "crimes.by_category")
    for _label, (_registered, solved) in table.rows:
        if solved.change is not None and solved.change >= NOTABLE_SOLVING:
            name = solved.measure.labels.get(language) or solved.measure.labels["en"]
            items.append([f"{lowered(name, language)} (", Number(solved), " %)"])
    return items


def paragraphs(result, period, language: str) -> list[Paragraph]:
    figure = result.figure
    when = in_period(period, language)
    firearm = figure("crimes.firearm")
    fell = category_items(result, language, Direction.DOWN)
    rose = category_items(result, language, Direction.UP)
    improved = solving_items(result, language)
    # Said only where there are records of earlier years to solve (not of a register begun this year).
    earlier = figure("crimes.earlier_years_solved")
    earlier_known = earlier.measure.has_data(period)
    groups = figure("crimes.groups_neutralized")  # a sentence of groups only when some were
    if language == "az":
        drafted = [
            [
                f"{when} ümumi cinayətlərin açılması ",
                Number(figure("crimes.solved_share")),
                " faiz olmuş, Daxili İşlər Nazirliyi və Prokurorluq tərəfindən qeydə alınmış ",
                Number(figure("crimes.registered_mia_po")),
                " cinayətin ",
                Number(figure("crimes.solved_share_mia_po")),
                " faizi açılmışdır.",
                *(
                    [
                        " Əvvəlki illərdə törədilmiş ",
                        Number(earlier),
                        " cinayətin açılmasına nail olunmuşdur.",
                    ]
                    if earlier_known
                    else []
                ),
            ],
            [
                *firearm_sentence(firearm, language),
                *([" Cinayətlərin sayı azalmışdır: ", *listing(fell, language), "."] if fell else []),
                *([" Artmışdır: ", *listing(rose, language), "."] if rose else []),
                *([" Açılma faizi yüksəlmişdir: ", *listing(improved, language), "."] if improved else []),
            ],
            [
                *(
                    [
                        Number(figure("crimes.group_members_neutralized")),
                        " nəfərdən ibarət ",
                        Number(groups),
                        " cinayətkar qrup zərərsizləşdirilmişdir. ",
                    ]
                    if groups.value
                    else []
                ),  # fmt: skip
                "Axtarışda olan təqsirləndirilən şəxslərin ",
                Number(figure("crimes.wanted_arrested_share")),
                " faizi saxlanılmışdır. Törədilmiş cinayətlər nəticəsində vətəndaşlara dəymiş maddi ziyanın ",
                Number(figure("crimes.damage_compensated_share")),
                " faizi, xırda talama nəticəsində dəymiş ziyanın isə ",
                Number(figure("crimes.petty_theft_compensated_share")),
                " faizi ödənilmişdir.",
            ],
        ]
    else:
        drafted = [
            [
                f"{when}, the solving of all crimes was ",
                Number(figure("crimes.solved_share")),
                " percent; ",
                Number(figure("crimes.solved_share_mia_po")),
                " percent of the ",
                Number(figure("crimes.registered_mia_po")),
                " crimes registered by the Ministry of Internal Affairs and the Prosecutor's Office",
                " were solved.",
                *([" ", Number(earlier), " crimes of previous years were solved."] if earlier_known else []),
            ],
            [
                *firearm_sentence(firearm, language),
                *([" There has been a decline in ", *listing(fell, language), "."] if fell else []),
                *([" Crimes rose in ", *listing(rose, language), "."] if rose else []),
                *([" The solving of ", *listing(improved, language), " improved."] if improved else []),
            ],
            [
                *(
                    [
                        Number(groups),
                        " criminal groups consisting of ",
                        Number(figure("crimes.group_members_neutralized")),
                        " people were neutralized. ",
                    ]
                    if groups.value
                    else []
                ),  # fmt: skip
                Number(figure("crimes.wanted_arrested_share")),
                " percent of the wanted accused persons were arrested. ",
                Number(figure("crimes.damage_compensated_share")),
                " percent of the material damage caused to citizens by crimes and ",
                Number(figure("crimes.petty_theft_compensated_share")),
                " percent of the damage caused by petty theft were compensated.",
            ],
        ]
    return drafted
