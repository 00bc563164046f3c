package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lumen-ssg/lumen/internal/sitetest"
)

// runMainEnv, when set, makes the test binary run lumen itself with its
// arguments, so that tests can start a real lumen process and kill it.
const runMainEnv = "LUMEN_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	// The builds of the tests keep their build caches (and processed
	// pictures) in a folder of their own, not in the user's cache folder,
	// which would gather one cache for each temporary site.
	cache, err := os.MkdirTemp("", "lumen-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

// killSite writes a site of n small articles into dir, and a previous
// build in dir/public with a marker file that no build makes.
func killSite(t *testing.T, dir string, n int) map[string]string {
	t.Helper()
	write := func(name, text string) {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: Test\nbase_url: https://example.com/\n")
	for i := range n {
		write(fmt.Sprintf("content/articles/a%04d.md", i), fmt.Sprintf(
			"---\ntitle: Article %d\ndate: 2026-01-%02d\ntags: [topic %d]\n---\nMost back pain gets better in a few weeks. Keep moving and rest a little.\n\n## What helps\n\nWalking helps. Heat helps.\n",
			i, i%28+1, i%40))
	}
	old := map[string]string{
		"index.html":          "<!doctype html><title>the last good site</title>",
		"about/index.html":    "about",
		"css/main.css":        "body{}",
		"marker-from-old.txt": "only the old site has this file",
	}
	for name, text := range old {
		write("public/"+name, text)
	}
	return old
}

// startBuild starts lumen build on dir in a process of its own.
func startBuild(t *testing.T, dir string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "build", "--source", dir)
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// waitFor polls until cond holds, failing the test after limit.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func tempFolders(dir string) []string {
	// A spare and the manifests (.public.lumen-spare, …-live.manifest)
	// are kept; a build's own names start with its process id.
	m, _ := filepath.Glob(filepath.Join(dir, ".public.lumen-[0-9]*"))
	return m
}

// TestKilledBuildLeavesPublicUntouched kills lumen build with SIGKILL while
// it writes the new site, then checks that public/ is byte for byte the
// previous site and that the next build clears the dead build's temporary
// folder and publishes.
func TestKilledBuildLeavesPublicUntouched(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 3,000 pages three times")
	}
	dir := t.TempDir()
	old := killSite(t, dir, 3000)
	public := filepath.Join(dir, "public")

	start := time.Now()
	cmd, out := startBuild(t, dir)
	// The temporary folder appears before the first stage; files appear
	// in it only in the write stage, the last one. Kill there.
	var tmp string
	waitFor(t, 60*time.Second, "the build's temporary folder", func() bool {
		if m := tempFolders(dir); len(m) > 0 {
			tmp = m[0]
			return true
		}
		return false
	})
	waitFor(t, 60*time.Second, "the write stage", func() bool {
		entries, _ := os.ReadDir(tmp)
		return len(entries) > 0 || cmd.ProcessState != nil
	})
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("the build ended before it could be killed: %v\n%s", err, out)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("the build was not killed: %v\n%s", err, out)
	}
	written := len(sitetest.Snapshot(t, tmp))
	t.Logf("killed after %v with %d files written to %s", time.Since(start).Round(time.Millisecond), written, filepath.Base(tmp))

	if got := sitetest.Snapshot(t, public); !equalMaps(got, old) {
		t.Fatalf("public/ changed after the kill: %d files, want %d", len(got), len(old))
	}
	if len(tempFolders(dir)) != 1 {
		t.Fatalf("after a kill, want the dead build's temporary folder, found %v", tempFolders(dir))
	}

	// The next build removes the dead build's folder and publishes.
	if code, stdout, stderr := lumen("build", "--source", dir); code != exitOK {
		t.Fatalf("the next build failed: %d\n%s%s", code, stdout, stderr)
	}
	if m := tempFolders(dir); len(m) > 0 {
		t.Errorf("temporary folders left after the next build: %v", m)
	}
	after := sitetest.Snapshot(t, public)
	if _, ok := after["marker-from-old.txt"]; ok || !strings.Contains(after["articles/a2999/index.html"], "Article 2999") {
		t.Errorf("the next build did not publish the new site (%d files)", len(after))
	}
}

// TestInterruptedBuildLeavesPublicUntouched stops lumen build with SIGINT,
// as Ctrl-C does: it must exit non-zero, say so, leave public/ as it was
// and remove its temporary folder.
func TestInterruptedBuildLeavesPublicUntouched(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 3,000 pages")
	}
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) { interruptBuild(t, sig) })
	}
}

// interruptBuild sends sig to a build of 3,000 pages while it makes them,
// and checks that it stops, says so, and leaves public/ as it was. It
// logs how long the build took to stop; the test fails only if it hangs.
func interruptBuild(t *testing.T, sig os.Signal) {
	dir := t.TempDir()
	old := killSite(t, dir, 3000)
	cmd, out := startBuild(t, dir)
	waitFor(t, 60*time.Second, "the build's temporary folder", func() bool { return len(tempFolders(dir)) > 0 })
	sent := time.Now()
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatalf("the build ended before it could be interrupted: %v\n%s", err, out)
	}
	stopped := make(chan error, 1)
	go func() { stopped <- cmd.Wait() }()
	var err error
	select {
	case err = <-stopped:
		t.Logf("%v: the build stopped %v after the signal", sig, time.Since(sent).Round(time.Millisecond))
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("the build did not stop within 30 s of %v", sig)
	}
	if cmd.ProcessState.ExitCode() != exitError {
		t.Errorf("exit status %d (%v), want %d\n%s", cmd.ProcessState.ExitCode(), err, exitError, out)
	}
	if !strings.Contains(out.String(), "interrupted; ") || !strings.Contains(out.String(), "was left unchanged") {
		t.Errorf("output:\n%s", out)
	}
	if got := sitetest.Snapshot(t, filepath.Join(dir, "public")); !equalMaps(got, old) {
		t.Errorf("public/ changed after Ctrl-C: %d files, want %d", len(got), len(old))
	}
	if m := tempFolders(dir); len(m) > 0 {
		t.Errorf("temporary folders left after Ctrl-C: %v", m)
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
