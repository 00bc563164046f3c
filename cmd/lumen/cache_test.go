package main

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestProgramVersion names the running program by the build ID go tool
// buildid reads from it, and names a file with none by its SHA-256.
func TestProgramVersion(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the build ID is read from ELF executables")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	v := programVersion()
	if !strings.HasPrefix(v, "go build ID ") || v != programVersion() {
		t.Fatalf("programVersion() = %q, want the Go build ID, the same each time", v)
	}
	if out, err := exec.Command("go", "tool", "buildid", exe).Output(); err == nil {
		if want := "go build ID " + strings.TrimSpace(string(out)); v != want {
			t.Errorf("programVersion() = %q, want %q (go tool buildid)", v, want)
		}
	}
	other := t.TempDir() + "/not-a-program"
	os.WriteFile(other, []byte("#!/bin/sh\n"), 0o755)
	if id := goBuildID(other); id != "" {
		t.Errorf("a shell script has the build ID %q", id)
	}
}
