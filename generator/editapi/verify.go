package editapi

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"slices"
	"strings"

	"github.com/lumen-ssg/lumen/generator"
	"github.com/lumen-ssg/lumen/generator/diag"
)

// build builds the site from source as lumen build does, with drafts so
// that they are checked too, and writes nothing. It returns the errors
// found, or an error when the build could not run at all.
func (a *API) build(ctx context.Context, source fs.FS) (diag.List, error) {
	res, err := generator.Build(ctx, generator.Options{Source: source, Theme: a.opts.Theme, Drafts: true, Today: a.opts.Today})
	if err != nil && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return res.Findings.Errors(), nil
}

// verify builds the site with changes laid over it (a name with nil data
// is removed) and returns the errors the change brings: every error in a
// file of own, and every error elsewhere that the site does not have
// without the change. A change that breaks a link from another page, or
// removes a provider another page names, is caught by the second.
func (a *API) verify(ctx context.Context, changes map[string][]byte, own []string) (diag.List, error) {
	before, err := a.build(ctx, a.opts.Source)
	if err != nil {
		return nil, err
	}
	after, err := a.build(ctx, newOverlay(a.opts.Source, changes))
	if err != nil {
		return nil, err
	}
	had := map[string]bool{}
	for _, e := range before {
		had[e.File+"\x00"+e.Msg] = true
	}
	var brought diag.List
	for _, e := range after {
		if slices.Contains(own, e.File) || !had[e.File+"\x00"+e.Msg] {
			brought = append(brought, e)
		}
	}
	brought.Sort()
	return brought, nil
}

// maxReported is how many errors one refusal lists.
const maxReported = 10

// refusal turns the errors of a change into the 422 that Decap shows:
// one line per error, "<file>:<line>: <message> (hint)", after what
// (which may be empty).
func refusal(what string, errs diag.List) *Error {
	var b strings.Builder
	b.WriteString(what)
	for i, e := range errs {
		if i == maxReported {
			fmt.Fprintf(&b, "\n… and %d more", len(errs)-maxReported)
			break
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(errorLine(e))
	}
	return &Error{Status: http.StatusUnprocessableEntity, Msg: b.String()}
}

// errorLine is one error as "<file>:<line>: <message> (hint)".
func errorLine(e *diag.Error) string {
	s := e.File
	if e.Line > 0 {
		s += fmt.Sprintf(":%d", e.Line)
	}
	if s != "" {
		s += ": "
	}
	s += e.Msg
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}
