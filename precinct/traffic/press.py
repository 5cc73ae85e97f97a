"""Road safety's paragraph of the press-release draft, in the manner of the board meeting's release."""

from precinct.core.measures import Direction
from precinct.core.press import CHANGE, Number, Paragraph


def paragraphs(result, period, language: str) -> list[Paragraph]:
    figure = result.figure
    accidents, injured, violations = (
        figure("traffic.accidents"),
        figure("traffic.injured"),
        figure("traffic.violations"),
    )
    if accidents.direction is None or violations.direction is None:
        return [unmatched(accidents, injured, violations, figure, language)]
    fewer = accidents.direction == Direction.DOWN
    more = violations.direction == Direction.UP
    same = accidents.direction == Direction.SAME
    injured_moved = {
        Direction.DOWN: ("azalmışdır. ", "dropped. "),
        Direction.SAME: ("dəyişməmişdir. ", "stayed the same. "),
    }
    if language == "az":
        moved = (
            ["dəyişməmiş (", Number(accidents), ")"]
            if same
            else [Number(accidents, CHANGE), " azalmış" if fewer else " artmış"]
        )
        return [
            [
                "Respublikada qeydə alınmış yol-nəqliyyat hadisələrinin sayı ",
                *moved,
                ", onlarda xəsarət alanların sayı ",
                injured_moved.get(injured.direction, ("artmışdır. ", ""))[0],
                "Aşkar edilmiş yol hərəkəti qaydalarının pozuntularının sayı ötən ilin müvafiq dövrü ilə "
                "müqayisədə ",
                Number(violations, CHANGE),
                " artaraq " if more else " azalaraq ",
                Number(violations),
                " olmuş, onların ",
                Number(figure("traffic.automatic_share")),
                " faizi xüsusi texniki vasitələrlə aşkar edilmişdir. Dayanma və durma qaydalarının ",
                Number(figure("traffic.illegal_parking")),
                " pozuntusu qeydə alınmışdır.",
            ]
        ]
    return [
        [
            *(
                [
                    "The recorded instances of traffic accidents in the republic have stayed at ",
                    Number(accidents),
                ]
                if same
                else [
                    "The recorded instances of traffic accidents in the republic have seen ",
                    "a reduction of " if fewer else "an increase of ",
                    Number(accidents, CHANGE),
                ]
            ),
            ", and the count of individuals injured in them has ",
            injured_moved.get(injured.direction, ("", "risen. "))[1],
            "The number of identified traffic violations has ",
            "surged by " if more else "fallen by ",
            Number(violations, CHANGE),
            ", reaching a total of ",
            Number(violations),
            " compared to the same period last year; ",
            Number(figure("traffic.automatic_share")),
            " percent of them were detected through the use of specialized technical means. ",
            Number(figure("traffic.illegal_parking")),
            " cases of illegal stopping and parking were recorded.",
        ]
    ]


def unmatched(accidents, injured, violations, figure, language: str) -> Paragraph:
    """With no records a year before to compare with: what was recorded, without "rose" or "fell"."""
    if language == "az":
        return [
            "Respublikada ", Number(accidents), " yol-nəqliyyat hadisəsi qeydə alınmış, onlarda ",
            Number(injured), " nəfər xəsarət almışdır. Yol hərəkəti qaydalarının ", Number(violations),
            " pozuntusu aşkar edilmiş, onların ", Number(figure("traffic.automatic_share")),
            " faizi xüsusi texniki vasitələrlə aşkar edilmişdir. Dayanma və durma qaydalarının ",
            Number(figure("traffic.illegal_parking")), " pozuntusu qeydə alınmışdır.",
        ]  # fmt: skip
    return [
        Number(accidents), " traffic accidents were recorded in the republic, and ", Number(injured),
        " people were injured in them. ", Number(violations), " traffic violations were identified; ",
        Number(figure("traffic.automatic_share")),
        " percent of them were detected through the use of specialized technical means. ",
        Number(figure("traffic.illegal_parking")), " cases of illegal stopping and parking were recorded.",
    ]  # fmt: skip
