"""DOM cleaning removes what its selector tables name, however the elements are found."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from service.extract import clean

_TAGS = [tag for tag, _ in clean.INVISIBLE_TAGS]


def _remaining(html: str) -> str:
    tree = LexborHTMLParser(html)
    clean.clean_tree(tree)
    assert tree.body is not None
    return " ".join(tree.body.text(separator=" ").split())


def test_invisible_tags_go_as_their_type_selectors_would_take_them() -> None:
    """Found by tag id in one walk: the same elements as the CSS type selectors, in
    upper case, nested, and inside SVG and MathML (the outermost of them: what they
    hold leaves with them, and a fold's button among them is not read)."""
    html = "".join(f"<div><{tag.upper()} x=1>t</{tag}></div>" for tag in _TAGS) + (
        "<svg><script>1</script><style>2</style><foreignObject><button>Continue reading"
        "</button></foreignObject></svg><div hidden>rest</div>"
        "<math><mi><select><option>o</select></mi></math>"
    )
    tree = LexborHTMLParser(html)
    assert tree.root is not None
    query = ", ".join(_TAGS)
    outermost = [node for node in tree.root.css(query) if not _inside(node)]
    inner = [node for node in tree.root.css(query) if _inside(node)]
    assert len(outermost) >= len(_TAGS) and inner
    clean.clean_tree(tree)
    assert all(node.parent is None for node in outermost)
    assert all(node.parent is not None for node in inner)
    assert tree.root.css(query) == []
    assert "rest" not in tree.html


def _inside(node: LexborNode) -> bool:
    """Whether an ancestor of ``node`` is of an invisible tag."""
    up = node.parent
    while up is not None:
        if up.tag in _TAGS:
            return True
        up = up.parent
    return False


@pytest.mark.parametrize(
    ("markup", "removed"),
    [
        ("<script>var x = 'shown';</script>", True),
        ("<div hidden>shown</div>", True),
        ("<div aria-hidden='TRUE'>shown</div>", True),
        ("<div aria-hidden='false'>shown</div>", False),
        ("<div style='Display: None'>shown</div>", True),
        ("<div style='color:red;visibility:hidden'>shown</div>", True),
        ("<div style='display:block'>shown</div>", False),
        ("<section id='Comments'>shown</section>", True),
        ("<div class='x sr-only'>shown</div>", True),
        ("<div class='sr-only-focusable'>shown</div>", False),
        ("<div role='alertdialog'>shown</div>", True),
        ("<div role='dialogue'>shown</div>", False),
        ("<button><svg><title>icon</title></svg>shown</button>", True),
    ],
)
def test_invisible_hidden_and_boilerplate_content_is_removed(markup: str, removed: bool) -> None:
    remaining = _remaining(f"<html><body><p>kept</p>{markup}</body></html>")
    assert remaining == ("kept" if removed else "kept shown")


@pytest.mark.parametrize(
    "html",
    [
        '<p>Start.</p><div><button aria-expanded="false" aria-controls="rest">Continue reading'
        '</button></div><div id="rest" hidden><p>The rest.</p></div>',
        '<p>Start.</p><button type="button">Show full article</button>\n'
        '<div style="display:none"><p>The rest.</p></div>',
        '<p>Start.</p><div class="fold"><button>Weiterlesen &rsaquo;</button></div>'
        "<section hidden><p>The rest.</p></section>",
    ],
)
def test_the_folded_rest_of_a_story_is_kept(html: str) -> None:
    """A hidden element that a button to go on reading shows is the story's rest."""
    assert _remaining(html) == "Start. The rest."


@pytest.mark.parametrize(
    "html",
    [
        '<p>Start.</p><button aria-controls="menu">Menu</button><ul id="menu" hidden>'
        "<li>The rest.</li></ul>",
        "<p>Start.</p><button>Continue reading our coverage of the floods in the region"
        "</button><div hidden><p>The rest.</p></div>",
        '<p>Start.</p><a href="#">Continue reading</a><div hidden><p>The rest.</p></div>',
    ],
)
def test_other_hidden_elements_after_a_button_go(html: str) -> None:
    assert _remaining(html).removesuffix(" Continue reading") == "Start."


def test_chrome_roles_go_as_their_attribute_selectors_would_take_them() -> None:
    """One ``[role]`` selector and the roles compared in Python: the same elements as a
    selector per role, whatever the case, and an element of another role still goes
    when a tag selector takes it."""
    elements = (
        '<div role="Navigation">a</div><div role="menuitem">b</div><div role="MENUBAR">c</div>'
        '<div role="navigation main">d</div><span role>e</span><div role="">f</div>'
        '<header role="main">g</header><article><header role="main">h</header></article>'
        '<footer role="note">i</footer><nav role="list">j</nav><div role="search">k</div>'
        '<form role="presentation"><p>l</p></form><form role="presentation">m</form>'
        '<figure><figcaption role="note">n</figcaption></figure><aside role="banner">o</aside>'
    )
    tree = LexborHTMLParser(f"<html><body>{elements}</body></html>")
    assert tree.body is not None
    roles = ", ".join(f'[role="{role}" i]' for role, _ in clean.CHROME_ROLES)
    tags = ", ".join(sel for sel, _ in clean.CHROME_SELECTORS)
    taken = {n.text() for n in tree.body.css(f"{tags}, {roles}")}
    assert taken == set("acgijkmno")
    clean.remove_chrome(tree.body)
    assert set(tree.body.text(separator=" ").split()) == set("abcdefghijklmno") - taken
