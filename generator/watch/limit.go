package watch

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
)

// LimitError reports that the operating system refused another watch
// because a per-user limit was reached. Its message says which limit, and
// how to raise it or avoid it with polling.
//
// On Linux, inotify_add_watch fails with ENOSPC ("no space left on device")
// when fs.inotify.max_user_watches is reached, and inotify_init fails with
// EMFILE ("too many open files") when fs.inotify.max_user_instances is. On
// macOS and the BSDs, kqueue holds one open file per watched file, so the
// limit is the open-file limit (ulimit -n).
type LimitError struct {
	Path string // the folder that could not be watched, or "" when inotify could not start
	Err  error  // the system's error: syscall.ENOSPC or syscall.EMFILE, possibly wrapped
	goos string // the operating system the advice is for
}

// Error returns the actionable message: what happened, and the commands that
// fix it.
func (e *LimitError) Error() string {
	var b strings.Builder
	b.WriteString("watch: ")
	if e.Path != "" {
		fmt.Fprintf(&b, "cannot watch %s: ", e.Path)
	}
	switch {
	case e.goos == "linux" && errors.Is(e.Err, syscall.ENOSPC):
		b.WriteString("the system's limit on inotify watches is reached")
		if n := readLimit("max_user_watches"); n != "" {
			fmt.Fprintf(&b, " (fs.inotify.max_user_watches = %s)", n)
		}
		b.WriteString(".\n" +
			"  Raise it:              sudo sysctl fs.inotify.max_user_watches=524288\n" +
			"  Keep it after reboot:  echo fs.inotify.max_user_watches=524288 | sudo tee /etc/sysctl.d/60-inotify-watches.conf\n" +
			"  Or poll for changes:   --poll 500ms")
	case e.goos == "linux":
		b.WriteString("the system's limit on inotify instances or open files is reached")
		if n := readLimit("max_user_instances"); n != "" {
			fmt.Fprintf(&b, " (fs.inotify.max_user_instances = %s)", n)
		}
		b.WriteString(".\n" +
			"  Raise it:              sudo sysctl fs.inotify.max_user_instances=1024\n" +
			"  Keep it after reboot:  echo fs.inotify.max_user_instances=1024 | sudo tee /etc/sysctl.d/60-inotify-instances.conf\n" +
			"  Or poll for changes:   --poll 500ms")
	default:
		b.WriteString("too many open files (each watched file holds one).\n" +
			"  Raise the limit:       ulimit -n 10240   (in the shell that runs lumen)\n" +
			"  Or poll for changes:   --poll 500ms")
	}
	return b.String()
}

// Unwrap returns the system's error.
func (e *LimitError) Unwrap() error { return e.Err }

// limitError returns err as a *LimitError when it is the system refusing a
// watch for a limit, and err unchanged otherwise. path is the folder being
// watched, or "" for starting the watcher.
func limitError(err error, path string) error {
	if err == nil {
		return nil
	}
	isLimit := errors.Is(err, syscall.EMFILE) ||
		(runtime.GOOS == "linux" && errors.Is(err, syscall.ENOSPC))
	if !isLimit {
		return err
	}
	return &LimitError{Path: path, Err: err, goos: runtime.GOOS}
}

// readLimit returns the current value of /proc/sys/fs/inotify/name, or ""
// when it cannot be read.
func readLimit(name string) string {
	b, err := os.ReadFile("/proc/sys/fs/inotify/" + name)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
