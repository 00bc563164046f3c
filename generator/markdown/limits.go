package markdown

import (
	"bytes"
	"fmt"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// Limits bound the structures of a body whose cost grows faster than its
// size in the Markdown parser: lists and quotes nested thousands deep,
// and hundreds of thousands of link reference definitions, each take
// minutes. A body beyond a limit is not converted; the error says which
// line went past it. Zero means no limit.
type Limits struct {
	// Nesting is how deep lists and block quotes may nest.
	Nesting int
	// References is how many link reference definitions ("[x]: /url")
	// a body may have.
	References int
}

// checkLimits reads src line by line, once, and returns an error at the
// first line that goes past a limit, or nil. Lines of fenced code are not
// counted.
func checkLimits(source string, src []byte, lineOffset int, lim Limits) *diag.Error {
	refs, fence := 0, byte(0)
	for n, line := 1, src; len(line) > 0; n++ {
		end := bytes.IndexByte(line, '\n')
		if end < 0 {
			end = len(line)
		}
		l := line[:end]
		if end < len(line) {
			line = line[end+1:]
		} else {
			line = nil
		}
		trimmed := bytes.TrimLeft(l, " \t")
		if len(trimmed) >= 3 && (trimmed[0] == '`' || trimmed[0] == '~') && trimmed[1] == trimmed[0] && trimmed[2] == trimmed[0] {
			switch fence {
			case 0:
				fence = trimmed[0]
			case trimmed[0]:
				fence = 0
			}
			continue
		}
		if fence != 0 {
			continue
		}
		if lim.Nesting > 0 {
			if depth := nesting(l); depth > lim.Nesting {
				return &diag.Error{File: source, Line: lineOffset + n, Rule: diag.RuleLimit,
					Msg:  fmt.Sprintf("lists or quotes nested %d deep on this line; Lumen reads up to %d", depth, lim.Nesting),
					Hint: "nest lists a few levels at most; raise limits.nesting in site.yaml only for a page that needs more"}
			}
		}
		if lim.References > 0 && isReference(l) {
			if refs++; refs > lim.References {
				return &diag.Error{File: source, Line: lineOffset + n, Rule: diag.RuleLimit,
					Msg:  fmt.Sprintf("more than %d link reference definitions ([name]: address) in one page", lim.References),
					Hint: "write links as [text](address), or raise limits.references in site.yaml"}
			}
		}
	}
	return nil
}

// nesting returns how deeply the line nests lists and quotes, counted
// generously from its start: a level for each ">" and list marker, and one
// for every two columns of indentation.
func nesting(l []byte) int {
	depth, cols := 0, 0
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case c == ' ':
			cols++
		case c == '\t':
			cols += 4
		case c == '>':
			depth++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			depth++
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
				depth++
				i = j
				continue
			}
			return depth + cols/2
		default:
			return depth + cols/2
		}
	}
	return depth + cols/2
}

// isReference reports whether the line starts a link reference
// definition: up to three spaces, "[label]:".
func isReference(l []byte) bool {
	i := 0
	for i < len(l) && i < 3 && l[i] == ' ' {
		i++
	}
	if i >= len(l) || l[i] != '[' {
		return false
	}
	end := bytes.Index(l[i:], []byte("]:"))
	return end > 1
}
