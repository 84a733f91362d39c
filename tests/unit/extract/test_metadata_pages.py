"""Whole pages, written for these tests in the shapes common CMSs produce: every field at once."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from service.extract.metadata import Metadata, read_metadata

BLOG_PAGE = """<!doctype html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>Why the river rose so fast &#8211; The Valley Notebook</title>
<meta name="description" content="Three days of rain on frozen ground.">
<link rel="canonical" href="https://valleynotebook.example/2026/02/04/why-the-river-rose/">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="article">
<meta property="og:title" content="Why the river rose so fast &#8211; The Valley Notebook">
<meta property="og:url" content="https://valleynotebook.example/2026/02/04/why-the-river-rose/">
<meta property="og:site_name" content="The Valley Notebook">
<meta property="article:section" content="Weather">
<meta property="article:published_time" content="2026-02-04T09:30:00+00:00">
<meta property="article:modified_time" content="2026-02-04T12:00:00+00:00">
<meta property="og:image" content="https://valleynotebook.example/wp-content/uploads/river.jpg">
<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org",
"@graph":[
 {"@type":"Article","@id":"https://valleynotebook.example/2026/02/04/why-the-river-rose/#article",
  "isPartOf":{"@id":"https://valleynotebook.example/2026/02/04/why-the-river-rose/"},
  "author":{"name":"Mara Quist","@id":"https://valleynotebook.example/#/schema/person/1"},
  "headline":"Why the river rose so fast","datePublished":"2026-02-04T09:30:00+00:00",
  "dateModified":"2026-02-04T12:00:00+00:00",
  "publisher":{"@id":"https://valleynotebook.example/#organization"},
  "keywords":["floods","rivers"],"articleSection":["Weather"],"inLanguage":"en-US"},
 {"@type":"WebPage","@id":"https://valleynotebook.example/2026/02/04/why-the-river-rose/",
  "url":"https://valleynotebook.example/2026/02/04/why-the-river-rose/",
  "name":"Why the river rose so fast - The Valley Notebook"},
 {"@type":"WebSite","@id":"https://valleynotebook.example/#website","name":"The Valley Notebook"},
 {"@type":"Organization","@id":"https://valleynotebook.example/#organization",
  "name":"Valley Notebook Media"},
 {"@type":"Person","@id":"https://valleynotebook.example/#/schema/person/1","name":"Mara Quist"}
]}</script>
</head>
<body>
<header><a href="/"><h1 class="site-title">The Valley Notebook</h1></a></header>
<article><h1 class="entry-title">Why the river rose so fast</h1>
<p class="byline">By <a rel="author" href="/author/mara">Mara Quist</a></p>
<p>Three days of rain fell on frozen ground.</p></article>
</body></html>"""


NEWS_PAGE = """<!doctype html>
<html lang="pt-br">
<head>
<title>Chuva forte atinge o litoral | Jornal Exemplo</title>
<meta name="description" content="Rios sobem em várias cidades.">
<meta property="og:title" content="Chuva forte atinge o litoral">
<meta property="og:site_name" content="Jornal Exemplo">
<meta property="og:type" content="article">
<meta property="og:image" content="//img.jornalexemplo.example/fotos/chuva.jpg">
<meta name="author" content="Por Ana Lima e Bruno Costa">
<meta name="news_keywords" content="chuva, litoral, rios">
<link rel="canonical" href="/brasil/2026/02/04/chuva-forte-atinge-o-litoral.html">
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle",
 "mainEntityOfPage":{"@type":"WebPage",
  "@id":"https://www.jornalexemplo.example/brasil/2026/02/04/chuva-forte-atinge-o-litoral.html"},
 "headline":"Chuva forte atinge o litoral",
 "datePublished":"2026-02-04T07:15:00-03:00","dateModified":"2026-02-04T09:40:00-03:00",
 "author":[{"@type":"Person","name":"Ana Lima"},{"@type":"Person","name":"Bruno Costa"}],
 "publisher":{"@type":"NewsMediaOrganization","name":"Jornal Exemplo"},
 "articleBody":"A chuva começou na madrugada.\\nOs rios subiram rapidamente."}
</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList",
 "itemListElement":[{"@type":"ListItem","position":1,"name":"Brasil"}]}</script>
</head>
<body><main><h1>Chuva forte atinge o litoral</h1>
<time datetime="2026-02-04T07:15:00-03:00">04/02/2026 07h15</time>
<p>A chuva começou na madrugada.</p></main></body></html>"""


HOME_PAGE = """<!doctype html>
<html lang="en">
<head>
<title>The Daily Example - News, sport and opinion</title>
<meta property="og:type" content="website">
<meta property="og:title" content="The Daily Example">
<meta property="og:site_name" content="The Daily Example">
<link rel="canonical" href="https://www.dailyexample.example/">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite",
 "name":"The Daily Example","url":"https://www.dailyexample.example/"}</script>
</head>
<body><h1>The Daily Example</h1>
<ul><li><h2><a href="/news/2026/02/04/storm">Storm reaches the coast</a></h2></li></ul>
</body></html>"""


DUBLIN_CORE_PAGE = """<!doctype html>
<html>
<head>
<title>Stadtrat beschließt neue Brücke - Beispielfunk</title>
<link rel="schema.DCTERMS" href="http://purl.org/dc/terms/">
<meta name="DCTERMS.title" content="Stadtrat beschließt neue Brücke">
<meta name="DCTERMS.description" content="Nach zwei Jahren Streit ist die Entscheidung gefallen.">
<meta name="DCTERMS.creator" content="Lee, Ann"><meta name="DCTERMS.creator" content="Ray, Tom">
<meta name="DCTERMS.publisher" content="Beispielfunk"><meta name="DCTERMS.language" content="de">
<meta name="DCTERMS.issued" content="2026-11-25T17:30:00+01:00">
<meta name="DCTERMS.modified" content="2026-11-25T18:05:00+01:00">
<meta name="DCTERMS.subject" content="Verkehr"><meta name="DCTERMS.subject" content="Stadtrat">
</head>
<body><div id="inhalt"><h2 class="dachzeile">Verkehr</h2>
<h1>Stadtrat beschließt neue Brücke</h1>
<p>Nach zwei Jahren Streit hat der Stadtrat am Dienstag entschieden.</p></div></body></html>"""


def test_dublin_core_page() -> None:
    url = "https://www.beispielfunk.example/nachrichten/stadtrat-bruecke-100.html"
    m = read_metadata(LexborHTMLParser(DUBLIN_CORE_PAGE), url)
    assert m.authors == ("Ann Lee", "Tom Ray")  # "Surname, Given" turned around
    assert (m.published_at, m.modified_at) == ("2026-11-25T16:30:00Z", "2026-11-25T17:05:00Z")
    assert (m.title, m.language, m.site_name) == (
        "Stadtrat beschließt neue Brücke",
        "de",
        "Beispielfunk",
    )
    assert m.description == "Nach zwei Jahren Streit ist die Entscheidung gefallen."
    assert m.tags == ("Verkehr", "Stadtrat")
    assert (m.canonical_url, m.section, m.image, m.page_type) == (None, None, None, None)


def test_wordpress_blog_page() -> None:
    url = "https://valleynotebook.example/2026/02/04/why-the-river-rose/?utm_source=feed"
    assert read_metadata(LexborHTMLParser(BLOG_PAGE), url) == Metadata(
        title="Why the river rose so fast",
        description="Three days of rain on frozen ground.",
        authors=("Mara Quist",),
        published_at="2026-02-04T09:30:00Z",
        modified_at="2026-02-04T12:00:00Z",
        language="en-US",
        canonical_url="https://valleynotebook.example/2026/02/04/why-the-river-rose/",
        site_name="The Valley Notebook",
        section="Weather",
        tags=("floods", "rivers"),
        image="https://valleynotebook.example/wp-content/uploads/river.jpg",
        page_type="article",
    )


def test_news_page_in_portuguese() -> None:
    url = "https://www.jornalexemplo.example/brasil/2026/02/04/chuva-forte-atinge-o-litoral.html"
    assert read_metadata(LexborHTMLParser(NEWS_PAGE), url) == Metadata(
        title="Chuva forte atinge o litoral",
        description="Rios sobem em várias cidades.",
        authors=("Ana Lima", "Bruno Costa"),
        published_at="2026-02-04T10:15:00Z",
        modified_at="2026-02-04T12:40:00Z",
        language="pt-BR",
        canonical_url=url,
        site_name="Jornal Exemplo",
        section=None,
        tags=("chuva", "litoral", "rios"),
        image="https://img.jornalexemplo.example/fotos/chuva.jpg",
        page_type="article",
        article_body="A chuva começou na madrugada.\nOs rios subiram rapidamente.",
    )


def test_home_page() -> None:
    m = read_metadata(LexborHTMLParser(HOME_PAGE), "https://www.dailyexample.example/")
    assert m == Metadata(
        title="The Daily Example",
        language="en",
        canonical_url="https://www.dailyexample.example/",
        site_name="The Daily Example",
        page_type="listing",
        on_section_path=True,
    )


GRAPH_PAGE = """<!doctype html>
<html lang="en-GB">
<head>
<title>Harbour wall gives way in the night | Local | The Coast Courier</title>
<link rel="canonical" href="https://www.coastcourier.example/local/harbour-wall-gives-way-4821">
<meta property="og:url" content="https://www.coastcourier.example/local/harbour-wall-gives-way-4821?ref=share">
<meta name="twitter:card" content="summary_large_image">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "An older draft", "datePublished": "2026-03-02T05:00:00Z",}, }</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebPage", "@id": "https://www.coastcourier.example/local/harbour-wall-gives-way-4821#page",
  "url": "https://www.coastcourier.example/local/harbour-wall-gives-way-4821",
  "name": "Harbour wall gives way in the night | Local | The Coast Courier",
  "breadcrumb": {"@id": "https://www.coastcourier.example/local/harbour-wall-gives-way-4821#crumbs"},
  "datePublished": "2026-03-01T00:00:00Z"},
 {"@type": "NewsMediaOrganization", "@id": "https://www.coastcourier.example/#org",
  "name": "The Coast Courier",
  "logo": {"@type": "ImageObject", "url": "https://www.coastcourier.example/logo.png"}},
 {"@type": "BreadcrumbList", "@id": "https://www.coastcourier.example/local/harbour-wall-gives-way-4821#crumbs",
  "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Local",
   "item": "https://www.coastcourier.example/local"}]},
 {"@type": "Person", "@id": "https://www.coastcourier.example/#/person/ruth-hale",
  "name": "Ruth Hale", "url": "https://www.coastcourier.example/people/ruth-hale"},
 {"@type": "ImageObject", "@id": "https://www.coastcourier.example/local/harbour-wall-gives-way-4821#image",
  "url": "https://img.coastcourier.example/harbour-wall.jpg", "width": 1600, "height": 900},
 {"@type": ["NewsArticle", "Article"],
  "@id": "https://www.coastcourier.example/local/harbour-wall-gives-way-4821#article",
  "mainEntityOfPage": {"@id": "https://www.coastcourier.example/local/harbour-wall-gives-way-4821#page"},
  "headline": "Harbour wall gives way in the night",
  "author": [{"@id": "https://www.coastcourier.example/#/person/ruth-hale"}],
  "publisher": {"@id": "https://www.coastcourier.example/#org"},
  "image": {"@id": "https://www.coastcourier.example/local/harbour-wall-gives-way-4821#image"},
  "datePublished": "2026-03-02T06:15:00+00:00", "dateModified": "2026-03-02T09:40:00+00:00",
  "articleSection": "Local", "keywords": "harbour, storms"}
]}</script>
</head>
<body>
<header><a href="/"><img src="/logo.svg" alt="The Coast Courier"></a></header>
<main><article><h1>Harbour wall gives way in the night</h1>
<p class="byline">By <a href="/people/ruth-hale">Ruth Hale</a></p>
<p>A stretch of the old harbour wall collapsed shortly after midnight.</p></article></main>
</body></html>"""


def test_graph_page_with_references_a_type_list_and_a_broken_block() -> None:
    """A ``@graph`` whose article names its author, publisher and image by ``@id``;
    its ``@type`` is a list; an earlier block is invalid JSON and is skipped."""
    url = "https://www.coastcourier.example/local/harbour-wall-gives-way-4821"
    assert read_metadata(LexborHTMLParser(GRAPH_PAGE), url) == Metadata(
        title="Harbour wall gives way in the night",
        authors=("Ruth Hale",),
        published_at="2026-03-02T06:15:00Z",
        modified_at="2026-03-02T09:40:00Z",
        language="en-GB",
        canonical_url=url,
        site_name="The Coast Courier",
        section="Local",
        tags=("harbour", "storms"),
        image="https://img.coastcourier.example/harbour-wall.jpg",
        page_type="article",
    )
