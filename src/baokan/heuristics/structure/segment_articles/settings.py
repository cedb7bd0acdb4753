"""The settings of ``segment-articles``."""

from __future__ import annotations

import attrs


@attrs.frozen
class SegmentSettings:
    """Settings of ``segment-articles``.

    ``title_margin``: how much more a title must share with the body before it than with
    the body after it to be given to the earlier body when that body already has a
    title; ``orphan_overlap``: the least bigram overlap for a title group without a body
    to be given to a body without a title; ``place_line_chars``: a first title line at
    most this long with no punctuation is part of the headline if the body names it
    (``赤壁车埠镇``), else the article's column (``今日关注``);
    ``merge_unspaced_titles``: in a dump that puts a blank line after every printed line,
    two title lines with no blank line between them are one title printed on two lines;
    ``split_overlap``: the least share of the paragraphs after a split point that name a
    title printed after the body (while at most one in ten before it do) for the body to
    be split there, each part at least ``min_split_paragraphs`` paragraphs long;
    ``stray_title_overlap``: the least share of a title line's bigrams in another
    article's body for the line to move there; ``neighbours``: how many articles on
    either side a title line or group is compared with (titles stray to a neighbour, and
    the bound keeps a huge dump linear); ``name_under_title``: the last lines of a title
    group of two or more lines that is one person's name (a surname of the table and one
    or two more characters), printed above the body, is the author's byline;
    ``untitled_turns``: a body may turn into another article with no title between them
    where their words part (:meth:`_Segmenter._untitled_turn`): for dumps that print
    titles apart from their bodies (markdown converters stack a band's headings over
    it); ``alternating_bodies``: a body holding two stories' paragraphs by turns is
    parted (:meth:`_Pieces._part_alternating_bodies`): for converters that sort a
    band's text blocks top to bottom (markdown converters); ``headless_homes``: a body with no
    title joins the titled article nearby that shares its words
    (:meth:`_Pieces._send_headless_home`): for dumps whose side-by-side stories come as
    runs of paragraphs set between one another (markdown converters) or whose columns
    come apart from their story (a text dump's column break: the built-in profiles all
    set it);
    ``dash_lines_follow``: a run of title lines each led by a dash heads no article: it
    is the subtitle of the head over it, or stays in the body (:func:`_dash_led`);
    ``stacked_heads_in_order``: the heads of a stack that affinity does not place go to
    the bodies without a head after it in the order printed, once another head clearly
    names the body under the stack (:meth:`_StackedHeads._deal_stack_in_order`).
    """

    title_margin: float = 0.3
    orphan_overlap: float = 0.2
    split_overlap: float = 0.5
    min_split_paragraphs: int = 3
    stray_title_overlap: float = 0.5
    place_line_chars: int = 6
    merge_unspaced_titles: bool = False
    neighbours: int = 8
    name_under_title: bool = True
    untitled_turns: bool = False
    alternating_bodies: bool = False
    headless_homes: bool = False
    dash_lines_follow: bool = True
    stacked_heads_in_order: bool = True
