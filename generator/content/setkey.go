package content

import (
	"bytes"
	"fmt"
	"strings"
)

// SetKey returns the content file data with the top-level front matter
// key set to value, a plain scalar: the key's line replaced when the
// front matter has it, or a line added at the end of the front matter.
// Everything else in the file, its comments, order and line endings
// included, is kept as it is. It is an error when the file has no front
// matter or the key's value spans several lines (a list or a block).
func SetKey(file string, data []byte, key, value string) ([]byte, error) {
	nl := "\n"
	if bytes.Contains(data, []byte("\r\n")) {
		nl = "\r\n"
	}
	lines := strings.SplitAfter(string(data), "\n")
	if len(lines) == 0 || strings.TrimRight(strings.TrimPrefix(lines[0], "\ufeff"), " \t\r\n") != "---" {
		return nil, fmt.Errorf("%s: the file has no front matter between --- lines", file)
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if t := strings.TrimRight(lines[i], " \t\r\n"); t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, fmt.Errorf("%s: the front matter opened with --- is never closed", file)
	}
	line := key + ": " + value + nl
	for i := 1; i < end; i++ {
		name, rest, ok := strings.Cut(lines[i], ":")
		if !ok || name != key {
			continue
		}
		rest = strings.TrimSpace(rest)
		next := ""
		if i+1 < end {
			next = lines[i+1]
		}
		if rest == "" || rest == "|" || rest == ">" || strings.HasPrefix(next, " ") || strings.HasPrefix(next, "-") {
			return nil, fmt.Errorf("%s:%d: %s holds more than one line; write it as %s: %s", file, i+1, key, key, value)
		}
		lines[i] = line
		return []byte(strings.Join(lines, "")), nil
	}
	out := append(append(append([]string{}, lines[:end]...), line), lines[end:]...)
	return []byte(strings.Join(out, "")), nil
}
