// Package watch reports changes to a site's files as batches, for the
// development server's rebuild-and-reload loop.
//
// # What is watched
//
// A Watcher watches Options.Paths inside the site folder Options.Root (by
// default site.yaml, content and themes), and each folder of Options.Extra
// (the repository's own theme when serving from the repository), reported
// under the prefix it is mapped to. Folders are watched recursively: every
// folder is added at the start, and a folder that appears later is added
// when its creation is seen, and the files already inside it are reported
// as created (mkdir -p a/b followed by a copy, or a git checkout, can fill a
// folder before its watch exists). The parent folders of Paths, normally
// Root itself, are watched too, so that a site.yaml, content or themes
// created later is noticed.
//
// Never watched nor reported: hidden files and folders (.git, .DS_Store),
// names starting with "_" (other than _index.md), editors' temporary, swap
// and backup files (the one list of sitefs.Ignored), the build output
// public/, and folders reached through symbolic links below a watched
// folder. Chmod-only events (touch, Spotlight, antivirus scanners) are
// ignored, as Hugo does: they do not change what is built.
//
// # Batches
//
// Events are grouped into a Batch with a trailing debounce: a batch is sent
// once no event has come for Options.Debounce (15 ms by default), or once
// Options.MaxWait (250 ms) has passed since its first event, so a constant
// stream still flushes. There is no fixed tick, so an isolated save is
// reported Debounce after it happens. A batch holds one Change per path
// with its net Op (see Batch). A consumer that is still rebuilding when the
// next batch is ready gets everything that happened meanwhile in one batch.
//
// A Remove or Rename of a folder is reported as one Change for the folder:
// the consumer must treat everything under it as gone (a full rebuild does).
// A Rename is reported for the old name and a Create for the new one.
//
// # Editors' saves
//
// Editors rarely just write a file. Vim writes the probe file 4913 and
// removes it, renames x.md to x.md~, writes a new x.md and removes x.md~;
// others write .x.md.tmp or x.md___jb_tmp___ and rename it over x.md. Events
// on temporary files are dropped, and the net Op of a path folds the rest:
// all of these saves are reported as one Write (or Create) of content/x.md,
// and never as a removal that would leave a stale or missing page.
//
// # Polling
//
// fsnotify sees nothing on WSL2's /mnt/c, on most Docker bind mounts from
// macOS or Windows, or on network drives. With Options.Poll > 0 the Watcher
// walks the watched paths every Poll instead and compares each entry's
// size, modification time and type with the previous walk. Polling costs a
// walk per interval; 500 ms suits most sites.
//
// # The inotify limit
//
// On Linux each watched folder costs one inotify watch, and the number per
// user is limited by fs.inotify.max_user_watches (8192 on older systems,
// shared with every editor and tool that watches files). When the limit is
// reached, New returns a *LimitError whose message gives the sysctl command
// that raises it, how to keep it after a reboot, and the --poll
// alternative. A folder that appears later and cannot be watched is reported
// the same way on Errors.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Defaults for Options.
const (
	DefaultDebounce = 15 * time.Millisecond
	DefaultMaxWait  = 250 * time.Millisecond
)

// DefaultPaths are the paths watched when Options.Paths is empty.
func DefaultPaths() []string { return []string{"site.yaml", "content", "themes"} }

// Options configure a Watcher.
type Options struct {
	// Root is the site folder. Reported paths are relative to it.
	Root string
	// Paths are what to watch, as slash paths relative to Root, such as
	// "site.yaml", "content" and "themes"; DefaultPaths when empty. A path
	// that does not exist yet is watched for creation when its parent folder
	// exists.
	Paths []string
	// Extra maps absolute folders outside Paths to the slash path prefix
	// they are reported under: serving from Lumen's repository, the built-in
	// theme folder /repo/themes/default can be mapped to "themes/default".
	// Each folder must exist.
	Extra map[string]string
	// Debounce is the quiet time after the last event before a batch is
	// sent; DefaultDebounce when zero.
	Debounce time.Duration
	// MaxWait caps how long a batch is held during a constant stream of
	// events, from its first event; DefaultMaxWait when zero.
	MaxWait time.Duration
	// Poll, when positive, makes the Watcher walk the paths every Poll and
	// compare sizes, modification times and types instead of using the
	// operating system's notifications (fsnotify).
	Poll time.Duration
}

// Watcher reports changes to a site's files as batches. Create one with New
// and stop it with Close.
type Watcher struct {
	trees    []tree
	fw       *fsnotify.Watcher   // nil when polling
	dirs     map[string]struct{} // folders watched by fw; owned by the event loop
	raw      chan rawEvent
	batches  chan Batch
	errors   chan error
	done     chan struct{}
	wg       sync.WaitGroup
	once     sync.Once
	closeErr error
}

// tree is one watched path: an absolute file or folder and the slash path
// it is reported as.
type tree struct {
	abs string // absolute, cleaned, in the operating system's form
	rel string // slash path relative to the site folder; "" for the site folder itself
}

// errorBuffer is how many non-fatal errors are kept for a consumer that
// does not read Errors; further errors are dropped until it does.
const errorBuffer = 16

// New starts watching. It returns a *LimitError when the system's watch limit
// is reached while adding the initial watches.
func New(opts Options) (*Watcher, error) {
	trees, err := makeTrees(opts)
	if err != nil {
		return nil, err
	}
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = DefaultMaxWait
	}
	w := &Watcher{
		trees:   trees,
		dirs:    make(map[string]struct{}),
		raw:     make(chan rawEvent, 64),
		batches: make(chan Batch),
		errors:  make(chan error, errorBuffer),
		done:    make(chan struct{}),
	}
	if opts.Poll > 0 {
		p := &poller{w: w}
		p.prev = p.scan()
		w.wg.Add(1)
		go p.run(opts.Poll)
	} else {
		if err := w.startNotify(); err != nil {
			return nil, err
		}
	}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		batcher{debounce: opts.Debounce, maxWait: opts.MaxWait}.run(w.raw, w.batches, w.done)
	}()
	return w, nil
}

// makeTrees validates opts.Root, opts.Paths and opts.Extra, and returns the
// trees to watch.
func makeTrees(opts Options) ([]tree, error) {
	if opts.Root == "" {
		return nil, errors.New("watch: no site folder (Options.Root)")
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	paths := opts.Paths
	if len(paths) == 0 {
		paths = DefaultPaths()
	}
	var trees []tree
	for _, p := range paths {
		rel := path.Clean(filepath.ToSlash(p))
		if path.IsAbs(rel) || filepath.IsAbs(p) || rel == ".." || strings.HasPrefix(rel, "../") {
			return nil, fmt.Errorf("watch: path %q is not inside the site folder", p)
		}
		if rel == "." {
			rel = ""
		}
		trees = append(trees, tree{abs: filepath.Join(root, filepath.FromSlash(rel)), rel: rel})
	}
	for dir, prefix := range opts.Extra {
		if !filepath.IsAbs(dir) {
			return nil, fmt.Errorf("watch: extra folder %q is not an absolute path", dir)
		}
		fi, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("watch: extra folder: %w", err)
		}
		if !fi.IsDir() {
			return nil, fmt.Errorf("watch: extra folder %s is not a folder", dir)
		}
		rel := path.Clean(strings.Trim(filepath.ToSlash(prefix), "/"))
		if rel == "." {
			rel = ""
		}
		trees = append(trees, tree{abs: filepath.Clean(dir), rel: rel})
	}
	return trees, nil
}

// Batches returns the channel on which batches are sent. It is closed by
// Close.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Errors returns the channel of non-fatal errors, such as a new folder that
// could not be watched, or lost events (after which every watched path is
// reported as written). It holds a few errors for a consumer that does not
// read it, and drops the rest; the Watcher never blocks on it. It is closed
// by Close.
func (w *Watcher) Errors() <-chan error { return w.errors }

// Close stops the Watcher: its goroutines end, and the Batches and Errors
// channels are closed. A batch that was not sent yet is dropped. Close may be
// called more than once.
func (w *Watcher) Close() error {
	w.once.Do(func() {
		close(w.done)
		if w.fw != nil {
			w.closeErr = w.fw.Close()
		}
		w.wg.Wait()
		close(w.errors)
	})
	return w.closeErr
}

// report sends err on Errors unless the buffer is full.
func (w *Watcher) report(err error) {
	select {
	case w.errors <- err:
	default:
	}
}

// emit queues an event for the batcher. It gives up when the Watcher is
// closed.
func (w *Watcher) emit(rel string, op Op) {
	select {
	case w.raw <- rawEvent{Path: rel, Op: op}:
	case <-w.done:
	}
}

// relOf returns the slash path that abs is reported as, and false when abs
// is not watched: outside every tree, public/, or temporary or hidden.
func (w *Watcher) relOf(abs string) (string, bool) {
	best := -1
	var rel string
	for i, t := range w.trees {
		var sub string
		switch {
		case abs == t.abs:
		case strings.HasPrefix(abs, t.abs) && len(abs) > len(t.abs) && os.IsPathSeparator(abs[len(t.abs)]):
			sub = filepath.ToSlash(abs[len(t.abs)+1:])
		default:
			continue
		}
		if best >= 0 && len(w.trees[best].abs) >= len(t.abs) {
			continue
		}
		best = i
		rel = joinRel(t.rel, sub)
	}
	if best < 0 || rel == "" || skipRel(rel) {
		return "", false
	}
	return rel, true
}

// joinRel joins two slash paths, either of which may be empty.
func joinRel(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "/" + b
}

// startNotify creates the fsnotify watcher, adds the initial watches and
// starts the event loop.
func (w *Watcher) startNotify() error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return wrap(limitError(err, ""))
	}
	w.fw = fw
	parents := make(map[string]bool)
	for _, t := range w.trees {
		// The parent is watched (not recursively) so that the path is seen
		// when it is created, replaced or removed.
		if parent := filepath.Dir(t.abs); t.rel != "" && !parents[parent] && !w.covers(parent) {
			parents[parent] = true
			if err := fw.Add(parent); err != nil && !errors.Is(err, fs.ErrNotExist) {
				if le := limitError(err, parent); le != err {
					fw.Close()
					return le
				}
				w.report(fmt.Errorf("watch: %s: %w", parent, err))
			}
		}
		if err := w.addTree(t.abs, false); err != nil {
			fw.Close()
			return err
		}
	}
	w.wg.Add(1)
	go w.loop()
	return nil
}

// covers reports whether dir is inside a tree, which addTree watches.
func (w *Watcher) covers(dir string) bool {
	_, ok := w.relOf(dir)
	return ok
}

// addTree watches abs and every folder under it that is reported, and when
// created is true reports every entry found as created. abs not being a
// folder is not an error. The watch on a folder is added before the folder
// is read, so that an entry is either read or seen by the watch. It returns
// only a *LimitError; other errors are reported on Errors.
func (w *Watcher) addTree(abs string, created bool) error {
	fi, err := os.Stat(abs)
	if err != nil || !fi.IsDir() {
		return nil
	}
	if err := w.fw.Add(abs); err != nil {
		if le := limitError(err, abs); le != err {
			return le
		}
		if !errors.Is(err, fs.ErrNotExist) {
			w.report(fmt.Errorf("watch: %s: %w", abs, err))
		}
		return nil
	}
	w.dirs[abs] = struct{}{}
	entries, err := os.ReadDir(abs)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		w.report(fmt.Errorf("watch: %w", err))
	}
	for _, e := range entries {
		p := filepath.Join(abs, e.Name())
		rel, ok := w.relOf(p)
		if !ok {
			continue
		}
		if created {
			w.emit(rel, Create)
		}
		if e.IsDir() {
			if err := w.addTree(p, created); err != nil {
				return err
			}
		}
	}
	return nil
}

// forget drops the watches on abs and every folder under it, after abs was
// removed or renamed. fsnotify keeps the watches of the folders under a
// renamed folder under their old names, and re-adding the same folder
// under its new name would keep reporting the old names; so they are
// dropped before the new name is added.
func (w *Watcher) forget(abs string) {
	prefix := abs + string(filepath.Separator)
	for dir := range w.dirs {
		if dir == abs || strings.HasPrefix(dir, prefix) {
			delete(w.dirs, dir)
			_ = w.fw.Remove(dir) // the watch is often gone already
		}
	}
}

// loop translates fsnotify's events and errors until Close.
func (w *Watcher) loop() {
	defer w.wg.Done()
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			w.handle(ev)
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			w.handleError(err)
		}
	}
}

// handle translates one fsnotify event into raw events.
func (w *Watcher) handle(ev fsnotify.Event) {
	abs := filepath.Clean(ev.Name)
	rel, ok := w.relOf(abs)
	if !ok {
		return
	}
	op := fromNotify(ev.Op)
	if op == 0 {
		return // Chmod only
	}
	if _, isDir := w.dirs[abs]; isDir && op&(Remove|Rename) != 0 {
		w.forget(abs)
	}
	w.emit(rel, op)
	if op&Create != 0 {
		if fi, err := os.Lstat(abs); err == nil && fi.IsDir() {
			if err := w.addTree(abs, true); err != nil {
				w.report(err)
			}
		}
	}
}

// handleError reports an fsnotify error. After lost events, every folder is
// walked again (adding the watches of folders created meanwhile) and every
// watched path is reported as written, so that the consumer rebuilds
// everything.
func (w *Watcher) handleError(err error) {
	if !errors.Is(err, fsnotify.ErrEventOverflow) {
		w.report(wrap(limitError(err, "")))
		return
	}
	w.report(fmt.Errorf("watch: events were lost, rebuilding everything: %w", err))
	for _, t := range w.trees {
		if err := w.addTree(t.abs, false); err != nil {
			w.report(err)
		}
		if _, err := os.Stat(t.abs); err == nil && t.rel != "" {
			w.emit(t.rel, Write)
		}
	}
}

// wrap prefixes err with "watch: " unless it is a *LimitError, whose message
// has the prefix already.
func wrap(err error) error {
	var le *LimitError
	if errors.As(err, &le) {
		return err
	}
	return fmt.Errorf("watch: %w", err)
}

// fromNotify converts fsnotify's op bits to Op, dropping Chmod.
func fromNotify(o fsnotify.Op) Op {
	var op Op
	if o.Has(fsnotify.Create) {
		op |= Create
	}
	if o.Has(fsnotify.Write) {
		op |= Write
	}
	if o.Has(fsnotify.Remove) {
		op |= Remove
	}
	if o.Has(fsnotify.Rename) {
		op |= Rename
	}
	return op
}
