// Command latency measures how long a dev server takes to show an edit:
// from the moment a content file is written to the moment the served page
// contains the new text.
//
//	go run ./bench/latency -url http://127.0.0.1:1313/articles/x/ -file site/content/articles/x.md [-edits 25]
//
// Each edit appends a paragraph with a unique marker to the file (as
// ../shared/bench/peers.sh does for Hugo), then fetches the page every
// -poll until the marker appears. Edits are spaced by varying gaps so that
// they land at different phases of any fixed timer in the server. The file
// is restored at the end. It prints one line:
//
//	label edits p50_ms p95_ms min_ms max_ms   # all latencies
//
// The same program measures every server, so the figures compare.
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"
)

func main() {
	url := flag.String("url", "", "the page to watch")
	file := flag.String("file", "", "the content file to edit")
	edits := flag.Int("edits", 25, "how many edits to time")
	poll := flag.Duration("poll", 2*time.Millisecond, "how often to fetch the page")
	timeout := flag.Duration("timeout", 20*time.Second, "give up on an edit after this long")
	label := flag.String("label", "server", "the label printed first")
	flag.Parse()
	if *url == "" || *file == "" {
		flag.Usage()
		os.Exit(2)
	}
	orig, err := os.ReadFile(*file)
	if err != nil {
		fail(err)
	}
	defer os.WriteFile(*file, orig, 0o644)

	client := &http.Client{Timeout: 5 * time.Second}
	if _, err := fetch(client, *url); err != nil {
		fail(fmt.Errorf("the server does not serve %s: %w", *url, err))
	}
	var ms []float64
	text := string(orig)
	for i := range *edits {
		marker := fmt.Sprintf("latencymarker%dx%d", i, time.Now().UnixNano()%1e9)
		text += "\n\nEdited paragraph " + marker + ".\n"
		start := time.Now()
		if err := os.WriteFile(*file, []byte(text), 0o644); err != nil {
			fail(err)
		}
		for {
			body, err := fetch(client, *url)
			if err == nil && strings.Contains(body, marker) {
				ms = append(ms, float64(time.Since(start).Microseconds())/1000)
				break
			}
			if time.Since(start) > *timeout {
				fmt.Fprintf(os.Stderr, "edit %d: the marker never appeared\n", i+1)
				break
			}
			time.Sleep(*poll)
		}
		// Vary the gap so edits fall at different phases of a server's timers.
		time.Sleep(400*time.Millisecond + time.Duration(i%7)*73*time.Millisecond)
	}
	if len(ms) == 0 {
		fail(fmt.Errorf("no edit became visible"))
	}
	all := make([]string, len(ms))
	for i, m := range ms {
		all[i] = fmt.Sprintf("%.1f", m)
	}
	sort.Float64s(ms)
	fmt.Printf("%s %d %.1f %.1f %.1f %.1f   # ms: %s\n", *label, len(ms), percentile(ms, 50), percentile(ms, 95), ms[0], ms[len(ms)-1], strings.Join(all, ","))
}

// percentile returns the p-th percentile of sorted values, by the
// nearest-rank method.
func percentile(sorted []float64, p float64) float64 {
	rank := int(p/100*float64(len(sorted)) + 0.999999)
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}

func fetch(c *http.Client, url string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "latency:", err)
	os.Exit(1)
}
