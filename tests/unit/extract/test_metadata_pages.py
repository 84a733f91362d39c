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
        jsonld_body=None,
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
        jsonld_body="A chuva começou na madrugada.\nOs rios subiram rapidamente.",
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
