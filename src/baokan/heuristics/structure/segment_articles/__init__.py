"""Group labelled blocks into articles, decide the role of every title line, order them.

The cues, grouped by what they decide (the passes after the walk run in the order the
last paragraph names them):

* a run of title lines followed by a byline or dateline opens an article (title first);
* a closing byline in brackets, or an editor mark, ends an article's body;
* a byline inside a sentence of the open body (the paragraph before it stops mid-clause)
  opens no article: the sentence goes on after it;
* a body with no title after a body a byline closed, sharing its rare bigrams, is more
  of that body (a later section printed past the byline), not an article of its own;
* a body with no title that a dateline or byline opens right after a titled body no
  byline closed is the rest of that title's story when the two bodies share rare bigrams
  and the title names the later body at least as well as its own (the tool printed a
  deck, a caption or a column's first lines between the head and its byline);
* title lines that stand between a closed body and the next one belong to the body they
  name — decided by the Han bigrams a title shares with each body — so that papers
  that print titles after their bodies and papers that print them before are both read;
* in a plain dump, a titled body whose two parts, cut after a closed sentence, share
  almost none of the page's rare bigrams holds two stories: the title goes with the part
  that names it more, the other is a story of its own (glued on after the body, or set
  by the tool between the head and its body);
* with ``untitled_turns`` (the markdown profile), a body turns into another article with no title
  between them where the rare bigrams part after a closed sentence — never at a paragraph
  cut off its block flush (``starts:flush``), which goes on with its column's story; such a
  paragraph also counts with the one it was cut from when the page's rare bigrams are told;
* in markdown dumps, heading levels: a heading deeper than the current headline is a
  subhead, and a heading at a headline level with no byline, printed after other
  articles, is a subhead of the earlier article whose headline is shallower
  (tools print a lead's subheads after the briefs that interrupt it);
* a subhead that is a line of the body goes back to it: in a plain dump one that closes
  a sentence on ``。！？`` (no subhead does; a short line so closed ends a paragraph) ends
  the paragraph before it where that stops mid-clause, else is a paragraph; one whose last
  character and the paragraph under it make a word (``…基层基`` / ``础工作…``) begins
  that paragraph;
* a single title line inside an open body is a subhead, unless the body after it changes
  topic and the line names that body and not the one before it (a new article's head;
  never in a body that already holds two subheads or more, set in sections each on a
  topic of its own, unless the line is wider than a head-spanning column),
  or, on a page that prints titles after their bodies, names the body before it more
  than the one after (that body's head, printed after it);
* a title read after the untitled body of an open article whose line stands above that
  body's first paragraph in the dump is that body's head, not a subhead (a layout dump
  read column by column gives a head spanning two columns with the second column);
* no article opens under a paragraph that announces what follows (``…问道：``, tagged
  ``prose`` by ``join-lines``) unless a byline or dateline opens one: a head set there
  stands inside the story;
* a head of two boxes or more over a body, with bodies without a head after it, is the
  heads of side-by-side stories printed together (then their columns one after the
  other): each box that names its own body in no word and a headless body clearly, better
  than any other body near it, goes to that body, matched one to one (the clearest first);
  with ``stacked_heads_in_order``, once one box clearly names the body under the stack,
  the boxes printed over it that affinity did not place go to the headless bodies after
  it in the order printed — not to a body they name less than the body under the stack,
  one the anchor names half as well as its own, or a column of a titled story nearby;
  what neither tells stays where the page set it;
* a body under the heads of two stories (its printed head, or lines moved to it from a
  head printed elsewhere) is cut where one line names only the part before and another
  only the part after, no line naming both (the parts share few rare bigrams; fewer
  still with no moved line): each line goes with the part it names, a line that names
  neither with the line under it; the later part is asked again (a row of three heads);
* a title line that its body never names goes to a body without a title that it names;
  so does a line of a head of two or more that names its body in a word or two and
  stands in a text box of its own, when a body without a title that a dateline or
  byline opens names it far better (two heads printed one under the other);
* a title over one stray paragraph and nothing that opens it, right before a dateline or
  byline, goes to the article that opens (the tool set a caption or another column's text
  between the head and its body); the stray paragraph goes on the body before it when
  that stops mid-clause, else it is the caption of the title's article once the page is
  read — unless the title was given back to it, or that article has no body (plain dumps
  only: a markdown converter stacks headings over their band);
* a credited caption after an open body whose last paragraph closed its sentence, with a
  new head (or the page's end) after it, is a photo news of its own (a picture in a cell
  of its own printed after the story beside it); the story stays open for any body text
  after the picture;
* a run of two or more credited captions ahead of every story (a tool that draws the
  page's pictures before its text) goes with the stories, not as a caption-only piece of
  its own: each caption with its credit to the story whose head and body clearly name it
  (a picture's caption repeats its story's names and places), the rest to the page's
  first story; a single one may be a photo news and stays;
* one or two title lines inside a body, right over a credited caption with a new head (or
  the page's end) after it, head a photo news of their own, not a subhead: a subhead
  heads paragraphs of its section;
* two or more headless briefs in a row (a dateline, with the item's reporter if any, a
  short body that closes its sentence, nothing else) right after a titled story that
  nothing closed are that story's: a round-up's items under its head; each dateline and
  reporter go back to the front of the item's paragraph (one brief alone keeps its
  article: its head may be elsewhere — unless the story before it is itself a dispatch
  a dateline opened and the item names no reporter: then it is the round-up's next item,
  whatever its length);
* with ``alternating_bodies``, a body that holds two stories by turns (a converter that sorts a
  band's text blocks top to bottom gives side-by-side stories' paragraphs alternately) is
  parted paragraph by paragraph, each going with the part whose rare bigrams it shares;
  the parts must come by turns and share almost none of their rare bigrams.  The part its
  title names keeps the article; the other follows it with no title, and when no story
  takes it and it is too short to stand alone it goes back after the body;
* with ``headless_homes`` (every built-in profile), a body with no title and nothing that
  opens it joins the titled article nearby whose body clearly shares the most of its
  rare bigrams (a converter sets runs of side-by-side stories' paragraphs between one
  another; a text dump gives a story's column past another story's byline);
* a scrap — a body under ``SCRAP_CHARS`` cells with no title, byline, dateline or caption —
  is no article when the page has another body: its text stays among the fragments (a
  column label, a line of furniture, a few lines the tool cut off another story).

One module a job: ``title_pieces`` and ``authors`` read the title lines before the walk,
``head_runs`` tells which title runs are heads and whether the page prints them after
their bodies, ``walk`` groups the blocks, ``body_splits``, ``stray_titles``,
``stacked_heads``, ``pieces``, ``brief_runs`` and ``body_subheads`` are the passes after
it (over the state of ``page_state``), ``photo_news`` tells a picture of its own, ``emit``
writes each article out with the roles of ``title_roles`` (from the line shapes of
``title_lines``); ``article`` is the article being built.
"""

from __future__ import annotations

from baokan.core.document import Block, Document, Kind, Recorder
from baokan.core.marks import ArticleFlag, Stage, Tag
from baokan.core.registry import heuristic
from baokan.heuristics.structure.segment_articles.article import _PageGrams
from baokan.heuristics.structure.segment_articles.authors import (
    _find_authors_under_titles,
    _vertical_names_to_titles,
)
from baokan.heuristics.structure.segment_articles.emit import _emit
from baokan.heuristics.structure.segment_articles.settings import SegmentSettings
from baokan.heuristics.structure.segment_articles.title_pieces import _join_overlapping_titles
from baokan.heuristics.structure.segment_articles.walk import _Segmenter

#: The measurement (profile detection's) that gives the column width in characters.
COLUMN_MEASURE = "median_line_chars"

#: The measurement (profile detection's) of the share of a dump's lines that are blank.
BLANK_MEASURE = "blank_ratio"
#: A dump with at least this share of blank lines (but not one after every line: that is
#: ``merge_unspaced_titles``) sets blank lines between its text boxes, so two title lines
#: with none between them are one box — one headline in one type size — and a kicker in
#: another size stands a blank line apart (the synthetic pages' pdftotext and pdfminer
#: dumps: 0.014 and more; PyMuPDF's plain text has none, and says nothing by them).
GAPS_TELL_BLANK_RATIO = 0.01
#: The measurement (profile detection's) that says the dump set its columns side by side
#: (``pdftotext -layout``'s grid).  Read column by column, a blank line before a title
#: line there is a row where only the other columns' lines stood: a headline in large
#: type spans two rows or more of body type a line, so the two lines of one headline
#: stand as far apart as a kicker and its headline, and such a gap tells nothing (two
#: lines in adjacent rows are still one box).
SIDE_BY_SIDE_MEASURE = "side_by_side_columns"


@heuristic("segment-articles", settings=SegmentSettings,
           requires={Stage.TITLES, Stage.BYLINES},
           reads={Kind.TEXT, Kind.PARAGRAPH, Kind.TITLE, Kind.BYLINE, Kind.DATELINE, Kind.CAPTION,
                  Kind.CREDIT, Kind.EDITOR_MARK, Kind.HEADLINE, Kind.KICKER, Kind.COLUMN,
                  Kind.SUBHEAD, Tag.OPENING, Tag.CLOSING, Tag.AFFILIATION, Tag.VERTICAL,
                  Tag.DRAWN_TWICE, Tag.CREDITED, Tag.STARTS_FLUSH, Tag.PROSE, Stage.HEADINGS,
                  Stage.ARTICLES},
           provides={Stage.ARTICLES, Kind.HEADLINE, Kind.KICKER, Kind.SUBTITLE, Kind.COLUMN,
                     Kind.SUBHEAD, Kind.TITLE, Kind.PARAGRAPH, Kind.BYLINE, Kind.CAPTION, Tag.OPENING,
                     ArticleFlag.INTERLEAVED, ArticleFlag.PHOTO,
                     ArticleFlag.HEADLINE_AFTER_BODY})
def segment_articles(doc: Document, settings: SegmentSettings) -> Document:
    """Group blocks into articles in reading order and give each title line its role.

    See the module documentation for the cues.  Example: ``…按时“清零”。`` /
    ``（曹 敏 曾 文 陈开宝）`` / ``让“良田”回归“粮田”`` gives the title after the
    byline to the body before it, because the body names it.
    """
    if any(b.article is not None for b in doc.blocks):
        return doc  # already split into articles: splitting again would re-read its roles
    rec = Recorder("segment-articles")
    blocks = _join_overlapping_titles(list(doc.blocks), rec)
    if settings.name_under_title:
        blocks = _find_authors_under_titles(blocks, rec)
        blocks = _vertical_names_to_titles(blocks, rec)
    blank = doc.measurements.get(BLANK_MEASURE)
    gaps_tell = not settings.merge_unspaced_titles and blank is not None \
        and blank >= GAPS_TELL_BLANK_RATIO
    segmenter = _Segmenter(blocks, settings, rec, doc.measurements.get(COLUMN_MEASURE, 0.0),
                           gaps_tell)
    arts = segmenter.run()
    grid = bool(doc.measurements.get(SIDE_BY_SIDE_MEASURE, 0.0))
    no_gaps = not settings.merge_unspaced_titles and blank == 0.0
    # in how many bodies of the page each bigram stands: a title line another body names
    # is that body's title, stacked by the tool over a head
    page_grams = _PageGrams(arts, segmenter.memo)
    out: list[Block] = []
    index = 0
    for art in arts:
        if art.scrap:
            out.extend(b.with_(article=None) for b in art.body)
            continue
        out.extend(_emit(art, index, settings, segmenter.memo, gaps_tell, no_gaps,
                         page_grams, grid))
        index += 1
    return rec.apply(doc, out)
