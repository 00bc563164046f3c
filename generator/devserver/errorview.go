package devserver

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"

	"github.com/lumen-ssg/lumen/generator"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/markdown"
	"github.com/lumen-ssg/lumen/themes"
)

// snippetLines is how many lines around an error the view shows.
const snippetLines = 3

// maxShown is how many errors the view shows in full, with their lines;
// the others are listed below them, one line each.
const maxShown = 10

var errorView = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build error – Lumen</title>
<link rel="stylesheet" href="` + Prefix + `error.css">
<link rel="stylesheet" href="` + Prefix + `chroma.css">
</head>
<body>
<main>
<h1>The site has {{if eq (len .Errors) 1}}an error{{else}}{{len .Errors}} errors{{end}}{{with .Stage}} ({{.}} stage){{end}}</h1>
<p class="lumen-note">Fix the file and save it: this page updates by itself. The last good version of the site is not lost.</p>
{{range .Shown}}
<section class="lumen-error" data-file="{{.File}}" data-line="{{.Line}}" data-rule="{{.Rule}}">
{{with .Pos}}<div class="lumen-pos">{{.}}</div>{{end}}
<p class="lumen-msg">{{.Msg}}{{with .Rule}} <span class="lumen-rule">[{{.}}]</span>{{end}}</p>
{{with .Hint}}<p class="lumen-hint">Hint: {{.}}</p>{{end}}
{{.Snippet}}
</section>
{{end}}
{{with .More}}<h2>{{len .}} more</h2>
<ul class="lumen-more">{{range .}}
<li class="lumen-error" data-file="{{.File}}" data-line="{{.Line}}" data-rule="{{.Rule}}">{{with .Pos}}<span class="lumen-pos">{{.}}</span> {{end}}{{.Msg}}{{with .Rule}} <span class="lumen-rule">[{{.}}]</span>{{end}}</li>{{end}}
</ul>{{end}}
</main>
</body>
</html>
`))

// shownError is one error as the view shows it.
type shownError struct {
	*diag.Error
	Pos     string
	Snippet template.HTML
}

// errorPage renders the error view for err.
func (s *Server) errorPage(err error) response {
	if err == nil {
		err = errors.New("the site has not been built yet")
	}
	var stage string
	var se *generator.StageError
	if errors.As(err, &se) {
		stage = se.Stage
	}
	list := errorList(err)
	data := struct {
		Stage  string
		Errors diag.List
		Shown  []shownError
		More   []shownError
	}{Stage: stage, Errors: list}
	for i, e := range list {
		if i >= maxShown {
			data.More = append(data.More, shownError{Error: e, Pos: e.Pos()})
			continue
		}
		data.Shown = append(data.Shown, shownError{Error: e, Pos: e.Pos(), Snippet: s.snippet(e)})
	}
	var buf bytes.Buffer
	if err := errorView.Execute(&buf, data); err != nil {
		buf.Reset()
		buf.WriteString(template.HTMLEscapeString(err.Error()))
	}
	return response{status: http.StatusInternalServerError, contentType: "text/html; charset=utf-8", body: buf.Bytes(), html: true}
}

// errorList flattens err into positioned errors.
func errorList(err error) diag.List {
	var list diag.List
	list.Add(err)
	return list
}

// snippet returns the lines around e's position, highlighted, with the
// offending line marked; or "" when the file cannot be read.
func (s *Server) snippet(e *diag.Error) template.HTML {
	if e.File == "" || e.Line < 1 {
		return ""
	}
	data, err := fs.ReadFile(s.source, e.File)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	if e.Line > len(lines) {
		return ""
	}
	first := max(1, e.Line-snippetLines)
	last := min(len(lines), e.Line+snippetLines)
	code := strings.Join(lines[first-1:last], "\n") + "\n"
	lexer := lexerFor(e.File)
	it, err := lexer.Tokenise(nil, code)
	if err != nil {
		return template.HTML("<pre>" + template.HTMLEscapeString(code) + "</pre>")
	}
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithLineNumbers(true),
		chromahtml.BaseLineNumber(first), chromahtml.HighlightLines([][2]int{{e.Line, e.Line}}))
	var buf bytes.Buffer
	if err := f.Format(&buf, markdown.ClassesStyle(), it); err != nil {
		return template.HTML("<pre>" + template.HTMLEscapeString(code) + "</pre>")
	}
	return template.HTML(buf.String())
}

// lexerFor picks a highlighter by the file's extension.
func lexerFor(file string) chroma.Lexer {
	var l chroma.Lexer
	switch path.Ext(file) {
	case ".md":
		l = lexers.Get("markdown")
	case ".yaml", ".yml":
		l = lexers.Get("yaml")
	case ".html":
		l = lexers.Get("go-html-template")
	}
	if l == nil {
		l = lexers.Fallback
	}
	return chroma.Coalesce(l)
}

// chromaCSS returns the stylesheet of the snippets' highlighting: the
// default theme's, whatever theme the site has (made from chroma's
// modus-operandi style by a test of package generator).
func chromaCSS() []byte {
	css, err := fs.ReadFile(themes.Default(), "static/css/chroma.css")
	if err != nil {
		return nil
	}
	return css
}

// bannerView lists the errors of the pages stage above a page that is
// still shown: a broken link or an image without alt text leaves the page
// whole, and the writer sees both the page and what to fix.
var bannerView = template.Must(template.New("banner").Parse(`<div class="lumen-banner" role="alert">
<link rel="stylesheet" href="` + Prefix + `error.css">
<p class="lumen-banner-title"><strong>{{if eq (len .) 1}}1 error{{else}}{{len .}} errors{{end}}: lumen build would not publish the site until {{if eq (len .) 1}}it is{{else}}they are{{end}} fixed.</strong> This page updates by itself when you save.</p>
<ul>{{range .}}
<li class="lumen-error" data-file="{{.File}}" data-line="{{.Line}}" data-rule="{{.Rule}}">{{with .Pos}}<span class="lumen-pos">{{.}}</span> {{end}}{{.Msg}}{{with .Rule}} <span class="lumen-rule">[{{.}}]</span>{{end}}{{with .Hint}}<br><span class="lumen-hint">Hint: {{.}}</span>{{end}}</li>{{end}}
</ul>
</div>
`))

// banner renders the list of errors shown above a page.
func (s *Server) banner(errs diag.List) []byte {
	var buf bytes.Buffer
	type shown struct {
		*diag.Error
		Pos string
	}
	list := make([]shown, len(errs))
	for i, e := range errs {
		list[i] = shown{e, e.Pos()}
	}
	if err := bannerView.Execute(&buf, list); err != nil {
		return []byte("<!-- lumen banner: " + template.HTMLEscapeString(err.Error()) + " -->")
	}
	return buf.Bytes()
}

// withBanner returns page with banner at the start of its body.
func withBanner(page, banner []byte) []byte {
	i := bytes.Index(page, []byte("<body"))
	if i >= 0 {
		if j := bytes.IndexByte(page[i:], '>'); j >= 0 {
			i += j + 1
		}
	} else {
		i = 0
	}
	out := make([]byte, 0, len(page)+len(banner))
	out = append(out, page[:i]...)
	out = append(out, banner...)
	return append(out, page[i:]...)
}

// pagesStage reports whether err is the errors of the pages stage, which
// leave every page whole.
func pagesStage(err error) bool {
	var se *generator.StageError
	return errors.As(err, &se) && se.Stage == "pages"
}
