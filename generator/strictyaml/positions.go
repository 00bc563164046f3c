package strictyaml

import (
	"encoding/binary"
	"strings"
)

// Positions records the line of each key decoded, by dotted path: "title",
// "address.city", "questions.2.answer" (list items are numbered from 0).
//
// They are kept in one string, each path after its length and before its
// line, as uvarints, in the order decoded: a document's positions are
// written once and read only when a finding names a line, and a build
// cache keeps those of every page, which as a map each were most of the
// time it took to read the pages it kept back.
type Positions struct {
	text string
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
	for s := p.text; s != ""; {
		n, k := uvarint(s)
		if k == 0 || n > uint64(len(s)-k) {
			return 0, false
		}
		name := s[k : k+int(n)]
		s = s[k+int(n):]
		line, k := uvarint(s)
		if k == 0 {
			return 0, false
		}
		s = s[k:]
		if name == path {
			return int(line), true
		}
	}
	return 0, false
}

// uvarint is binary.Uvarint of a string: the number and how many bytes it
// takes, or 0 bytes when s does not start with one.
func uvarint(s string) (uint64, int) {
	var x uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			return x | uint64(b)<<(7*i), i + 1
		}
		x |= uint64(b&0x7f) << (7 * i)
	}
	return 0, 0
}

// positions makes Positions, one path at a time.
type positions []byte

// add records that path is at line.
func (b *positions) add(path string, line int) {
	*b = binary.AppendUvarint(*b, uint64(len(path)))
	*b = append(*b, path...)
	*b = binary.AppendUvarint(*b, uint64(max(line, 0)))
}

// done returns the Positions recorded.
func (b positions) done() Positions { return Positions{string(b)} }

// GobEncode lets encoding/gob keep Positions (a build cache keeps them).
func (p Positions) GobEncode() ([]byte, error) { return []byte(p.text), nil }

// GobDecode reads what GobEncode wrote.
func (p *Positions) GobDecode(b []byte) error {
	p.text = string(b)
	return nil
}
