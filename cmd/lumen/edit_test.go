package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestEditOffLoopbackNeedsPassword: --edit with --bind to the network
// refuses to start without LUMEN_EDIT_PASSWORD, before it listens.
func TestEditOffLoopbackNeedsPassword(t *testing.T) {
	t.Setenv(editPasswordEnv, "")
	var stdout, stderr bytes.Buffer
	code := run([]string{"serve", "--edit", "--bind", "0.0.0.0", "--port", "0", "--source", "../.."}, &stdout, &stderr)
	if code != exitUsage || !strings.Contains(stderr.String(), editPasswordEnv) {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}

func TestLoopback(t *testing.T) {
	for bind, want := range map[string]bool{"127.0.0.1": true, "::1": true, "localhost": true, "127.0.0.2": true,
		"0.0.0.0": false, "::": false, "192.168.1.10": false, "example.org": false} {
		if got := loopback(bind); got != want {
			t.Errorf("loopback(%q) = %v", bind, got)
		}
	}
}
