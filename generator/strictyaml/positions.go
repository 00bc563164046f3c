package strictyaml

import (
	"bytes"
	"encoding/binary"
	"strings"
)

// Positions records the line of each key decoded, by dotted path: "title",
// "address.city", "questions.2.answer" (list items are numbered from 0).
//
// They are kept in one slice of bytes, each path after its length and
// before its line, as uvarints, in the order decoded: a document's
// positions are written once and read only when a finding names a line,
// and a build cache keeps those of every page, which as a map each were
// most of the time it took to read the pages it kept back.
type Positions struct {
	text []byte
}

// Line returns the line of path, or the line of its nearest recorded parent,
// or 0.
func (p Positions) Line(path string) int {
	for {
		if l, ok := p.find(path); ok {
			return l
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return 0
		}
		path = path[:i]
	}
}

// find returns the line of path, and whether it was recorded.
func (p Positions) find(path string) (int, bool) {
	for b := p.text; len(b) > 0; {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return 0, false
		}
		name := b[k : k+int(n)]
		b = b[k+int(n):]
		line, k := binary.Uvarint(b)
		if k <= 0 {
			return 0, false
		}
		b = b[k:]
		if string(name) == path {
			return int(line), true
		}
	}
	return 0, false
}

// add records that path is at line.
func (p *Positions) add(path string, line int) {
	p.text = binary.AppendUvarint(p.text, uint64(len(path)))
	p.text = append(p.text, path...)
	p.text = binary.AppendUvarint(p.text, uint64(max(line, 0)))
}

// GobEncode lets encoding/gob keep Positions (a build cache keeps them).
func (p Positions) GobEncode() ([]byte, error) { return p.text, nil }

// GobDecode reads what GobEncode wrote.
func (p *Positions) GobDecode(b []byte) error {
	p.text = bytes.Clone(b)
	return nil
}
