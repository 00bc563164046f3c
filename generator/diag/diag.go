// Package diag describes what Lumen finds in a site's source files: errors
// that stop a build, warnings and hints.
//
// Every stage of the Lumen pipeline reports what it finds as *Error values
// that name the file (a slash-separated path relative to the site root),
// the line and the column, say what is wrong and, where a common mistake is
// likely, what to do about it. Each names the Rule it follows (Rules is the
// registry) and has a Severity. Findings are collected in a List so that
// one build can report every problem it finds rather than only the first.
//
// The text form follows the convention of compilers and of Hugo, with the
// severity of findings that are not errors, and the rule in brackets:
//
//	content/conditions/sciatica.md:4:1: unknown key "titel" [frontmatter]
//	    hint: did you mean "title"?
//	content/conditions/sciatica.md:12: warning: "utilize" has a plainer word: use [plain.jargon]
package diag

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error is one finding located in a source file: an error, a warning or
// a hint. Its JSON form is what lumen check --format json prints.
type Error struct {
	// File is the path of the file relative to the site root, with forward
	// slashes, such as "content/faqs/back-pain.md". It is empty for problems
	// that belong to no file.
	File string `json:"file"`
	// Line and Col are 1-based; zero means unknown.
	Line int `json:"line"`
	Col  int `json:"column"`
	// Rule is the ID of the rule the finding follows (see Rules), or ""
	// until the stage that found it sets it (see List.SetRule).
	Rule string `json:"rule"`
	// Severity is how much the finding matters; "" means SeverityError.
	Severity Severity `json:"severity"`
	// Msg says what is wrong, in one sentence without a trailing period.
	Msg string `json:"message"`
	// Hint, when not empty, says what to do about it.
	Hint string `json:"hint,omitempty"`
}

// Copy returns a copy of e whose strings are copies too: for a finding
// whose strings are slices of a buffer that is used again, such as a
// record of the build cache.
func (e *Error) Copy() *Error {
	c := *e
	c.File, c.Rule, c.Msg, c.Hint = strings.Clone(e.File), strings.Clone(e.Rule), strings.Clone(e.Msg), strings.Clone(e.Hint)
	c.Severity = Severity(strings.Clone(string(e.Severity)))
	return &c
}

// Severity is how much a finding matters: errors stop lumen build and fail
// lumen check, warnings are printed, hints are shown by lumen check only.
type Severity string

// The severities.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityHint    Severity = "hint"
)

// Level returns the severity of e, SeverityError when none was set.
func (e *Error) Level() Severity {
	if e.Severity == "" {
		return SeverityError
	}
	return e.Severity
}

// IsError reports whether e stops a build.
func (e *Error) IsError() bool { return e.Level() == SeverityError }

// MarshalJSON writes e with its severity always set.
func (e *Error) MarshalJSON() ([]byte, error) {
	type plain Error
	c := plain(*e)
	c.Severity = e.Level()
	if c.Rule == "" {
		c.Rule = RuleUnclassified
	}
	return json.Marshal(c)
}

// Errorf returns an Error at file:line with a formatted message.
func Errorf(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// WithRule sets the rule of e and returns e.
func (e *Error) WithRule(id string) *Error {
	e.Rule = id
	return e
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

// Error returns the position, the message and the rule, and the hint on
// a second line.
func (e *Error) Error() string {
	s := e.message()
	if p := e.Pos(); p != "" {
		s = p + ": " + s
	}
	if e.Hint != "" {
		s += "\n    hint: " + e.Hint
	}
	return s
}

// message returns the message, after its severity when it is not an
// error, and followed by the rule in brackets:
// "warning: reads at grade 9.1 … [readability.grade]".
func (e *Error) message() string {
	s := e.Msg
	if e.Severity != "" && e.Severity != SeverityError {
		s = string(e.Severity) + ": " + s
	}
	if e.Rule != "" {
		s += " [" + e.Rule + "]"
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

// Sort orders l by file, line and column, and findings at one place in
// the order of Rules, so output is the same on every run.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool { return Before(l[i], l[j]) })
}

// Before reports whether a comes before b in a sorted List: by file, line,
// column, then the order of their rules in the registry.
func Before(a, b *Error) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Col != b.Col {
		return a.Col < b.Col
	}
	// Findings of one rule on one line (its words) are many; their order
	// needs no look-up.
	return a.Rule != b.Rule && RuleOrder(a.Rule) < RuleOrder(b.Rule)
}

// SetRule gives every finding of l that has no rule yet the rule id, and
// returns l. A stage calls it on what it found, so that the specific rules
// its parts set are kept.
func (l List) SetRule(id string) List {
	for _, e := range l {
		if e.Rule == "" {
			e.Rule = id
		}
	}
	return l
}

// Copy returns a copy of l whose findings, and their strings, are copies
// too (Error.Copy).
func (l List) Copy() List {
	if l == nil {
		return nil
	}
	out := make(List, len(l))
	for i, e := range l {
		out[i] = e.Copy()
	}
	return out
}

// Errors returns the findings of l that are errors.
func (l List) Errors() List { return l.filter(func(e *Error) bool { return e.IsError() }) }

// Warnings returns the findings of l that are warnings.
func (l List) Warnings() List {
	return l.filter(func(e *Error) bool { return e.Level() == SeverityWarning })
}

// Hints returns the findings of l that are hints.
func (l List) Hints() List {
	return l.filter(func(e *Error) bool { return e.Level() == SeverityHint })
}

func (l List) filter(keep func(*Error) bool) List {
	var out List
	for _, e := range l {
		if keep(e) {
			out = append(out, e)
		}
	}
	return out
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
