package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

func TestLimitErrorMessages(t *testing.T) {
	tests := []struct {
		name string
		err  *LimitError
		want []string
	}{
		{"linux watches", &LimitError{Path: "/site/content/a", Err: fmt.Errorf("add: %w", syscall.ENOSPC), goos: "linux"},
			[]string{"cannot watch /site/content/a", "fs.inotify.max_user_watches", "sudo sysctl fs.inotify.max_user_watches=524288", "/etc/sysctl.d/", "--poll 500ms"}},
		{"linux instances", &LimitError{Err: syscall.EMFILE, goos: "linux"},
			[]string{"fs.inotify.max_user_instances", "sudo sysctl fs.inotify.max_user_instances=", "/etc/sysctl.d/", "--poll 500ms"}},
		{"darwin", &LimitError{Path: "/site/content", Err: syscall.EMFILE, goos: "darwin"},
			[]string{"too many open files", "ulimit -n", "--poll 500ms"}},
	}
	for _, tt := range tests {
		msg := tt.err.Error()
		for _, w := range tt.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: message lacks %q:\n%s", tt.name, w, msg)
			}
		}
		if !errors.Is(tt.err, tt.err.Err) {
			t.Errorf("%s: errors.Is does not reach the system error", tt.name)
		}
	}
}

func TestLimitErrorWrapsOnlyLimits(t *testing.T) {
	plain := fmt.Errorf("add: %w", fs.ErrPermission)
	if got := limitError(plain, "/x"); got != plain {
		t.Errorf("limitError(permission) = %v, want it unchanged", got)
	}
	if limitError(nil, "/x") != nil {
		t.Error("limitError(nil) != nil")
	}
	var le *LimitError
	if !errors.As(limitError(syscall.EMFILE, "/x"), &le) {
		t.Error("EMFILE is not a *LimitError")
	}
	if runtime.GOOS == "linux" && !errors.As(limitError(fmt.Errorf("inotify_add_watch: %w", syscall.ENOSPC), "/x"), &le) {
		t.Error("ENOSPC on Linux is not a *LimitError")
	}
}
