package redirects

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
)

// Rule is one line of a _redirects file: the old address From answers
// with Status and the address To.
type Rule struct {
	From, To string
	Status   int
}

// Parse reads a _redirects file as File writes it and Netlify reads it:
// "from to [status]" on each line, 301 when the status is left out, and
// lines starting with # are comments. Lines it cannot read are left out.
func Parse(data []byte) []Rule {
	var rules []Rule
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		r := Rule{From: f[0], To: f[1], Status: 301}
		if len(f) > 2 {
			if n, err := strconv.Atoi(strings.TrimSuffix(f[2], "!")); err == nil {
				r.Status = n
			}
		}
		rules = append(rules, r)
	}
	return rules
}
