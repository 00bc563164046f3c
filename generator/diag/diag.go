// Package diag describes problems found in a site's source files.
//
// Every stage of the Lumen pipeline reports problems as *Error values that
// name the file (a slash-separated path relative to the site root), the line
// and the column, say what is wrong and, where a common mistake is likely,
// what to do about it. Errors are collected in a List so that one build can
// report every problem it finds rather than only the first.
//
// The text form follows the convention of compilers and of Hugo:
//
//	content/conditions/sciatica.md:4:1: unknown front matter key "titel"
//	    hint: did you mean "title"?
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error is one problem located in a source file.
type Error struct {
	// File is the path of the file relative to the site root, with forward
	// slashes, such as "content/faqs/back-pain.md". It is empty for problems
	// that belong to no file.
	File string
	// Line and Col are 1-based; zero means unknown.
	Line, Col int
	// Msg says what is wrong, in one sentence without a trailing period.
	Msg string
	// Hint, when not empty, says what to do about it.
	Hint string
}

// Errorf returns an Error at file:line with a formatted message.
func Errorf(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// WithHint sets the hint of e and returns e.
func (e *Error) WithHint(format string, args ...any) *Error {
	e.Hint = fmt.Sprintf(format, args...)
	return e
}

// Pos returns the position of e as "file:line:col", leaving out the parts
// that are unknown. A line without a file means nothing and is left out.
func (e *Error) Pos() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 && e.File != "" {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	return b.String()
}

// Error returns the position, the message and the hint on a second line.
func (e *Error) Error() string {
	s := e.Msg
	if p := e.Pos(); p != "" {
		s = p + ": " + s
	}
	if e.Hint != "" {
		s += "\n    hint: " + e.Hint
	}
	return s
}

// MaxErrors is how many errors a List reports before it summarises the rest.
const MaxErrors = 50

// List is a set of errors found by one stage or one build.
type List []*Error

// Add appends err to l. An err that is a List is flattened, an err that wraps
// an *Error is added as that *Error, and any other error is added with no
// position. A nil err is ignored.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	var list List
	if errors.As(err, &list) {
		*l = append(*l, list...)
		return
	}
	var e *Error
	if errors.As(err, &e) {
		*l = append(*l, e)
		return
	}
	*l = append(*l, &Error{Msg: err.Error()})
}

// Sort orders l by file, line and column, so output is the same on every run.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Err returns nil when l is empty and l itself otherwise.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error returns each error on its own line, up to MaxErrors, followed by a
// count of the rest.
func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i == MaxErrors {
			fmt.Fprintf(&b, "\n... and %d more errors", len(l)-MaxErrors)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
