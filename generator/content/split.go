package content

import (
	"bytes"

	"github.com/lumen-ssg/lumen/generator/diag"
)

// Split separates a content file into its YAML front matter and its
// Markdown body. The front matter is the text between a first line of
// exactly "---" and the next line of exactly "---" (or "..."). A byte-order
// mark and CRLF line endings are accepted; the returned slices use "\n".
//
// bodyLine is the number of file lines before the body, so that body line n
// is file line bodyLine+n; the front matter's first line is file line 2.
// A file without front matter returns a nil front. An opening "---" that is
// never closed, or front matter written as TOML between "+++" lines, is an
// error at line 1 naming file.
func Split(file string, data []byte) (front, body []byte, bodyLine int, err error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.Contains(data, []byte("\r")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	switch string(bytes.TrimRight(first, " \t")) {
	case "---":
	case "+++":
		return nil, nil, 0, diag.Errorf(file, 1, "front matter written as TOML between +++ lines").
			WithHint("Lumen reads YAML front matter: put it between --- lines and write key: value")
	default:
		return nil, data, 0, nil
	}
	line := 1
	for len(rest) > 0 || line == 1 {
		l, next, found := bytes.Cut(rest, []byte("\n"))
		line++
		if t := string(bytes.TrimRight(l, " \t")); t == "---" || t == "..." {
			front = data[len(first)+1 : len(data)-len(rest)]
			return front, next, line, nil
		}
		if !found {
			break
		}
		rest = next
	}
	return nil, nil, 0, diag.Errorf(file, 1, "front matter opened with --- is never closed").
		WithHint("add a line with only --- after the last front matter line")
}
