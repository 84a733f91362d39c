"""DOM cleaning removes what its selector tables name, however the elements are found."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from service.extract import clean

_TAGS = [tag for tag, _ in clean.INVISIBLE_TAGS]


def _remaining(html: str) -> str:
    tree = LexborHTMLParser(html)
    clean.clean_tree(tree)
    assert tree.body is not None
    return " ".join(tree.body.text(separator=" ").split())


def test_invisible_tags_go_as_their_type_selectors_would_take_them() -> None:
    """Found by tag id in one walk: the same elements as the CSS type selectors, in
    upper case, nested, and inside SVG and MathML."""
    html = "".join(f"<div><{tag.upper()} x=1>t</{tag}></div>" for tag in _TAGS) + (
        "<svg><script>1</script><style>2</style><foreignObject><button>b</button>"
        "</foreignObject></svg><math><mi><select><option>o</select></mi></math>"
    )
    tree = LexborHTMLParser(html)
    assert tree.root is not None
    by_selector = {node.mem_id for node in tree.root.css(", ".join(_TAGS))}
    by_id = {node.mem_id for node in tree.root.traverse() if node.tag_id in clean._INVISIBLE_IDS}
    assert by_id == by_selector
    assert len(by_id) >= len(_TAGS)


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
