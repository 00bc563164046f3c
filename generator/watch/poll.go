package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// entry is what the poller remembers of a file or folder between walks.
type entry struct {
	size  int64
	mtime time.Time
	dir   bool
}

// snapshot maps each reported slash path to its entry at one walk.
type snapshot map[string]entry

// poller finds changes by walking the watched trees every interval and
// comparing each walk with the one before. It is for file systems that do
// not deliver notifications: WSL2's /mnt/c, Docker bind mounts from macOS
// or Windows, network drives.
type poller struct {
	w    *Watcher
	prev snapshot
	errs map[string]bool // the messages of the last walk's errors, reported once each
}

// run walks every interval until the Watcher is closed, and emits the
// differences between walks.
func (p *poller) run(interval time.Duration) {
	defer p.w.wg.Done()
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-p.w.done:
			return
		case <-t.C:
			next := p.scan()
			for _, ev := range diff(p.prev, next) {
				p.w.emit(ev.Path, ev.Op)
			}
			p.prev = next
		}
	}
}

// scan walks every tree and returns what it found. Errors other than an
// entry vanishing during the walk are reported on Errors, each message once
// until it stops occurring.
func (p *poller) scan() snapshot {
	s := make(snapshot)
	errs := make(map[string]bool)
	for _, t := range p.w.trees {
		fi, err := os.Stat(t.abs) // follows a symbolic link at the top, as addTree does
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				errs[err.Error()] = true
			}
			continue
		}
		if t.rel != "" && !skipRel(t.rel) {
			s[t.rel] = entryOf(fi)
		}
		if fi.IsDir() {
			p.walk(t.abs, s, errs)
		}
	}
	for msg := range errs {
		if !p.errs[msg] {
			p.w.report(fmt.Errorf("watch: poll: %s", msg))
		}
	}
	p.errs = errs
	return s
}

// walk records every reported entry under the folder dir in s, without
// following symbolic links, and the messages of errors in errs.
func (p *poller) walk(dir string, s snapshot, errs map[string]bool) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs[err.Error()] = true
	}
	for _, d := range entries {
		abs := filepath.Join(dir, d.Name())
		rel, ok := p.w.relOf(abs)
		if !ok {
			continue
		}
		fi, err := d.Info()
		if err != nil {
			continue // vanished since ReadDir
		}
		s[rel] = entryOf(fi)
		if d.IsDir() {
			p.walk(abs, s, errs)
		}
	}
}

// entryOf returns what the poller remembers of fi.
func entryOf(fi fs.FileInfo) entry {
	return entry{size: fi.Size(), mtime: fi.ModTime(), dir: fi.IsDir()}
}

// diff returns the events that turn the walk old into the walk next: a
// Create for each new path, a Remove for each vanished one, and a Write for
// each whose size, modification time or type changed.
func diff(old, next snapshot) []rawEvent {
	var evs []rawEvent
	for rel, e := range next {
		o, ok := old[rel]
		switch {
		case !ok:
			evs = append(evs, rawEvent{Path: rel, Op: Create})
		case o.dir != e.dir || (!e.dir && (o.size != e.size || !o.mtime.Equal(e.mtime))):
			evs = append(evs, rawEvent{Path: rel, Op: Write})
		}
	}
	for rel := range old {
		if _, ok := next[rel]; !ok {
			evs = append(evs, rawEvent{Path: rel, Op: Remove})
		}
	}
	return evs
}
