package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/websocket"
)

// TestLiveReloadInChromium is the end-to-end test of lumen serve: it serves
// a copy of the example site, opens a condition page in headless Chromium
// (driven over the DevTools protocol), and edits the page's Markdown. The
// browser must show the new text without being told to reload; a broken
// front matter must show the error view naming the file and line; fixing
// it must bring the page back.
//
// It needs Debian's chromium (installed by .ci/run). Without it the test
// is skipped, except in CI, where it fails.
func TestLiveReloadInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end browser test")
	}
	browser := findChromium()
	if browser == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed; .ci/run installs it")
		}
		t.Skip("no chromium on this machine (apt-get install chromium)")
	}
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	copyTree(t, "../../content", filepath.Join(site, "content"))
	copyFile(t, "../../site.yaml", filepath.Join(site, "site.yaml"))
	page := filepath.Join(site, "content", "conditions", "lumbar-disc-herniation.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}

	bin := filepath.Join(dir, "lumen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	serve := exec.Command(bin, "serve", "--source", site, "--port", "0")
	stdout, _ := serve.StdoutPipe()
	serve.Stderr = os.Stderr
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { serve.Process.Kill(); serve.Wait() })
	base := waitForLine(t, stdout, regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`))

	tab := openChromium(t, browser, dir)
	tab.call(t, "Page.navigate", map[string]any{"url": base + "conditions/lumbar-disc-herniation/"})
	tab.waitForText(t, "Lumbar disc herniation")

	// An edit appears without a manual reload.
	marker := fmt.Sprintf("Edited in the browser test %d.", time.Now().UnixNano())
	write(t, page, string(orig)+"\n"+marker+"\n")
	tab.waitForText(t, marker)

	// A broken front matter shows the error view with the file and line.
	broken := strings.Replace(string(orig), "title: Lumbar disc herniation\n", "title: Lumbar disc herniation\nsymptons: [Leg pain]\n", 1)
	write(t, page, broken)
	tab.waitForText(t, "content/conditions/lumbar-disc-herniation.md:3:1")
	tab.waitForText(t, `unknown key "symptons"`)

	// Fixing it brings the page back, with neither the error nor the
	// earlier edit.
	write(t, page, string(orig))
	tab.waitFor(t, "the page again", func(text string) bool {
		return strings.Contains(text, "Also known as") && !strings.Contains(text, "The site has an error") && !strings.Contains(text, marker)
	})
}

func findChromium() string {
	for _, name := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// write replaces a file's content as an editor would.
func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func waitForLine(t *testing.T, r interface{ Read([]byte) (int, error) }, re *regexp.Regexp) string {
	t.Helper()
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
				break
			}
		}
		for sc.Scan() {
		}
	}()
	select {
	case s := <-found:
		return s
	case <-time.After(60 * time.Second):
		t.Fatal("lumen serve did not start")
		return ""
	}
}

// tab is one browser page driven over the Chrome DevTools protocol.
type tab struct {
	ws *websocket.Conn
	id int
}

// openChromium starts headless Chromium and connects to its first page.
func openChromium(t *testing.T, browser, dir string) *tab {
	t.Helper()
	profile := filepath.Join(dir, "profile")
	cmd := exec.Command(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+profile, "--remote-debugging-port=0", "--remote-allow-origins=*", "about:blank")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	var port string
	for i := 0; i < 300 && port == ""; i++ {
		// The file may exist before chromium has written the port in it.
		if data, err := os.ReadFile(filepath.Join(profile, "DevToolsActivePort")); err == nil {
			port, _, _ = strings.Cut(string(data), "\n")
		}
		if port == "" {
			time.Sleep(100 * time.Millisecond)
		}
	}
	if port == "" {
		t.Fatal("chromium did not open its DevTools port")
	}
	var targets []struct{ Type, WebSocketDebuggerURL string }
	for i := 0; i < 100; i++ {
		resp, err := http.Get("http://127.0.0.1:" + port + "/json/list")
		if err == nil {
			json.NewDecoder(resp.Body).Decode(&targets)
			resp.Body.Close()
		}
		if len(targets) > 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	for _, tg := range targets {
		if tg.Type == "page" {
			ws, err := websocket.Dial(tg.WebSocketDebuggerURL, "", "http://127.0.0.1/")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ws.Close() })
			return &tab{ws: ws}
		}
	}
	t.Fatal("chromium has no page to drive")
	return nil
}

// call sends a DevTools command and returns its result.
func (tb *tab) call(t *testing.T, method string, params map[string]any) json.RawMessage {
	t.Helper()
	res, err := tb.try(t, method, params)
	if err != "" {
		t.Fatalf("%s: %s", method, err)
	}
	return res
}

// try sends a DevTools command and returns its result, or the error the
// browser answered with.
func (tb *tab) try(t *testing.T, method string, params map[string]any) (json.RawMessage, string) {
	t.Helper()
	tb.id++
	if err := websocket.JSON.Send(tb.ws, map[string]any{"id": tb.id, "method": method, "params": params}); err != nil {
		t.Fatal(err)
	}
	tb.ws.SetReadDeadline(time.Now().Add(30 * time.Second))
	for {
		var msg struct {
			ID     int             `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  *struct{ Message string }
		}
		if err := websocket.JSON.Receive(tb.ws, &msg); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		if msg.ID == tb.id {
			if msg.Error != nil {
				return nil, msg.Error.Message
			}
			return msg.Result, ""
		}
	}
}

// text returns the page's visible text, or "" while the page reloads (the
// browser then answers "Inspected target navigated or closed").
func (tb *tab) text(t *testing.T) string {
	t.Helper()
	res, err := tb.try(t, "Runtime.evaluate", map[string]any{"expression": "document.body ? document.body.innerText : ''", "returnByValue": true})
	if err != "" {
		return ""
	}
	var v struct {
		Result struct{ Value string }
	}
	json.Unmarshal(res, &v)
	return v.Result.Value
}

// waitForText waits until the page shows want.
func (tb *tab) waitForText(t *testing.T, want string) {
	t.Helper()
	tb.waitFor(t, fmt.Sprintf("%q", want), func(text string) bool { return strings.Contains(text, want) })
}

// waitFor waits until the page's text satisfies ok. The limit only bounds
// a failing test.
func (tb *tab) waitFor(t *testing.T, what string, ok func(text string) bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if ok(tb.text(t)) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the page never showed %s; it shows:\n%.500s", what, tb.text(t))
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		copyFile(t, p, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(to), 0o755)
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
