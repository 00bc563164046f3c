package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/lumen-ssg/lumen/editor/decap"
	"github.com/lumen-ssg/lumen/generator"
	"github.com/lumen-ssg/lumen/generator/devserver"
	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/editor"
	"github.com/lumen-ssg/lumen/generator/sitefs"
	"github.com/lumen-ssg/lumen/generator/watch"
	"github.com/lumen-ssg/lumen/themes"
)

// portTries is how many ports after the default serve tries when it is
// busy.
const portTries = 20

// minPoll and maxPoll bound --poll: scanning the site more often than
// every 50 ms would keep a core busy, and less often than every minute
// would not feel live.
const (
	minPoll = 50 * time.Millisecond
	maxPoll = time.Minute
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the site's folder (holding site.yaml)")
	port := fl.Int("port", 1313, "the port to listen on")
	bind := fl.String("bind", "127.0.0.1", "the address to listen on")
	poll := fl.Duration("poll", 0, "check for changes this often instead of using file events (for WSL2, Docker bind mounts, network drives), e.g. 500ms")
	drafts := fl.Bool("drafts", false, "include pages marked draft: true")
	open := fl.Bool("open", false, "open the site in the default browser")
	edit := fl.Bool("edit", false, "serve the browser editor at /admin/ (off loopback, set a password in "+editPasswordEnv+")")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "lumen serve: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	if *poll != 0 && (*poll < minPoll || *poll > maxPoll) {
		fmt.Fprintf(stderr, "lumen serve: --poll %v is out of range: give a time from %v to %v, such as --poll 500ms\n", *poll, minPoll, maxPoll)
		return exitUsage
	}
	portSet := false
	fl.Visit(func(f *flag.Flag) { portSet = portSet || f.Name == "port" })
	password := os.Getenv(editPasswordEnv)
	if *edit && password == "" && !loopback(*bind) {
		fmt.Fprintf(stderr, "lumen serve: --edit with --bind %s lets anyone on the network change the site: set a password in %s first, such as\n    %s='a long passphrase' lumen serve --edit --bind %s\n", *bind, editPasswordEnv, editPasswordEnv, *bind)
		return exitUsage
	}

	ln, err := listen(*bind, *port, portSet)
	if err != nil {
		fmt.Fprintln(stderr, "lumen serve:", err)
		return exitError
	}
	addr := ln.Addr().(*net.TCPAddr)
	if addr.Port != *port && *port != 0 {
		fmt.Fprintf(stdout, "Port %d is busy; using %d instead.\n", *port, addr.Port)
	}
	host := *bind
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	siteURL := "http://" + net.JoinHostPort(host, strconv.Itoa(addr.Port)) + "/"
	if ip := net.ParseIP(*bind); ip == nil || !ip.IsLoopback() {
		fmt.Fprintf(stderr, "Warning: listening on %s makes the site reachable from other machines on the network.\n", *bind)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	src, err := sitefs.Open(*source)
	if err != nil {
		fmt.Fprintln(stderr, "lumen serve:", err)
		return exitError
	}
	defer src.Close()
	b := generator.NewBuilder(generator.Options{
		Source: src,
		Theme:  themes.Default(),
		Drafts: *drafts,
		Origin: siteURL, // the site's own path is kept: served as deployed
	})
	srv := devserver.New(src, nil)
	rb := &rebuilder{b: b, srv: srv, source: *source, stdout: stdout, stderr: stderr, delay: backgroundDelay}
	rb.rebuild(ctx, nil)

	w, err := watch.New(watch.Options{Root: *source, Paths: []string{"site.yaml", "content", "themes", "i18n"}, Poll: *poll})
	if err != nil {
		fmt.Fprintln(stderr, "lumen serve:", err)
		return exitError
	}
	defer w.Close()

	// Unless --bind opened it to the network, the server answers only
	// requests for this machine (DNS rebinding: see devserver.LocalOnly).
	var handler http.Handler = srv
	if *edit {
		ed, err := editor.New(editor.Options{Dir: *source, Source: src, Theme: themes.Default(), SiteURL: siteURL + strings.TrimPrefix(rb.basePath(), "/"),
			Password: password, Log: func(err error) { fmt.Fprintln(stderr, "lumen serve --edit:", err) }})
		if err != nil {
			fmt.Fprintln(stderr, "lumen serve:", err)
			return exitError
		}
		defer ed.Close()
		handler = ed.Wrap(srv)
	}
	bindSet := false
	fl.Visit(func(f *flag.Flag) { bindSet = bindSet || f.Name == "bind" })
	if !bindSet {
		handler = devserver.LocalOnly(handler, *bind)
	}
	// Idle connections are closed after a while, and slow clients cut
	// off; there is no write timeout, which would end the event streams.
	hs := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second, IdleTimeout: 30 * time.Second}
	go hs.Serve(ln)
	rootURL := siteURL
	siteURL += strings.TrimPrefix(rb.basePath(), "/")
	fmt.Fprintf(stdout, "Serving %s at %s (Ctrl-C to stop)\n", displayPath(*source), siteURL)
	if *edit {
		fmt.Fprintf(stdout, "Editor at %s (Decap CMS %s)\n", strings.TrimSuffix(rootURL, "/")+editor.Prefix, decap.Version())
	}
	if *poll > 0 {
		fmt.Fprintf(stdout, "Checking for changes every %v.\n", *poll)
	}
	if *open {
		openBrowser(siteURL)
	}

	for {
		select {
		case <-ctx.Done():
			srv.Close()
			shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			hs.Shutdown(shutdown)
			cancel()
			fmt.Fprintln(stdout, "\nStopped.")
			return exitOK
		case err := <-w.Errors():
			fmt.Fprintln(stderr, "lumen serve: watching:", err)
		case batch, ok := <-w.Batches():
			if !ok {
				return exitOK
			}
			paths := make([]string, len(batch))
			for i, c := range batch {
				paths[i] = c.Path
			}
			b.Changed(paths...)
			rb.rebuild(ctx, paths)
		}
	}
}

// editPasswordEnv names the environment variable that holds the
// editor's password, which --edit needs off loopback.
const editPasswordEnv = "LUMEN_EDIT_PASSWORD"

// loopback reports whether the address bind is this machine only.
func loopback(bind string) bool {
	if strings.EqualFold(bind, "localhost") {
		return true
	}
	ip := net.ParseIP(bind)
	return ip != nil && ip.IsLoopback()
}

// backgroundDelay is how long the site must be quiet before serve makes
// and checks every page in the background, so that this work does not slow
// the rebuilds of a writer who saves often.
const backgroundDelay = 400 * time.Millisecond

// rebuilder rebuilds and publishes the site after each change.
type rebuilder struct {
	b              *generator.Builder
	srv            *devserver.Server
	source         string // the site's folder, to show offending lines
	stdout, stderr io.Writer
	delay          time.Duration  // how long the site must be quiet before check
	checks         sync.WaitGroup // the background checks under way

	mu       sync.Mutex
	base     string             // the path the site is served under, from the last good build
	gen      int                // counts builds, so that a late check publishes nothing
	cancel   context.CancelFunc // of the last background check
	reported string             // the findings last printed, to print them once
}

// rebuild prepares the site, publishes it and reports it in one line, or
// the errors once. Every page is then made and checked in the background
// (check), once the site has been quiet for a moment; a newer change
// cancels that.
func (rb *rebuilder) rebuild(ctx context.Context, changed []string) {
	rb.mu.Lock()
	if rb.cancel != nil {
		rb.cancel()
	}
	rb.gen++
	gen := rb.gen
	stdout, stderr := rb.stdout, rb.stderr
	start := time.Now()
	snap, res, err := rb.b.Prepare(ctx)
	rb.srv.Publish(snap, err)
	if snap != nil {
		rb.base = snap.Site.Config.BasePath()
	}
	rb.mu.Unlock()
	took := time.Since(start).Round(time.Millisecond)
	what := "Built"
	if changed != nil {
		what = "Rebuilt after " + describeChanges(changed) + ";"
	}
	if err != nil {
		var se *generator.StageError
		if errors.As(err, &se) {
			fmt.Fprintf(stderr, "%s\n\nThe %s stage found errors; the browser shows them until you fix the file.\n", withSource(err, rb.source), se.Stage)
		} else {
			fmt.Fprintln(stderr, "lumen serve:", err)
		}
		rb.mu.Lock()
		rb.reported = ""
		rb.mu.Unlock()
		return
	}
	fmt.Fprintf(stdout, "%s %d pages in %d ms\n", what, len(res.Site.AllPages()), took.Milliseconds())
	bg, cancel := context.WithCancel(ctx)
	rb.mu.Lock()
	rb.cancel = cancel
	rb.mu.Unlock()
	rb.checks.Go(func() {
		select {
		case <-bg.Done():
			return
		case <-time.After(rb.delay):
		}
		rb.check(bg, snap, gen, res.Findings)
	})
}

// check makes and checks every file of snap, as lumen build would, and
// reports what it found, with what the stages before found (prepared):
// errors and warnings are printed when they differ from the last ones
// printed, and errors go to the browser, which shows them with the pages
// until they are fixed (lumen build would refuse to publish). gen is the
// build snap belongs to: a newer build makes the check publish nothing.
func (rb *rebuilder) check(ctx context.Context, snap *generator.Snapshot, gen int, prepared diag.List) {
	pass, err := snap.Pass(ctx, nil)
	if err != nil || ctx.Err() != nil {
		return
	}
	all := append(pass.Report.All(), prepared...)
	all.Sort()
	errs, warnings := all.Errors(), all.Warnings()
	rb.mu.Lock()
	defer rb.mu.Unlock()
	if gen != rb.gen {
		return
	}
	if len(errs) > 0 {
		rb.srv.Publish(snap, &generator.StageError{Stage: "pages", Err: errs})
	}
	text := errs.Error() + warnings.Error()
	if text == rb.reported {
		return
	}
	rb.reported = text
	printWarnings(rb.stderr, warnings, 0)
	if len(errs) > 0 {
		fmt.Fprintf(rb.stderr, "%s\n\nThe pages stage found %s; the browser shows them, and lumen build would not publish, until they are fixed.\n",
			listWithSource(errs, rb.source), plural(len(errs), "error"))
	}
	fmt.Fprintf(rb.stdout, "Checked %s: %s, %s\n", plural(pass.Files, "file"), plural(len(errs), "error"), plural(len(warnings), "warning"))
}

// basePath returns the path the site is served under: "/", or the path of
// its base_url ("/clinic/").
func (rb *rebuilder) basePath() string {
	rb.mu.Lock()
	defer rb.mu.Unlock()
	if rb.base == "" {
		return "/"
	}
	return rb.base
}

func describeChanges(paths []string) string {
	if len(paths) == 1 {
		return paths[0]
	}
	return strconv.Itoa(len(paths)) + " changes"
}

// listen opens the port, or, when the port was not chosen on the command
// line and is busy, the next free one.
func listen(bind string, port int, fixed bool) (net.Listener, error) {
	var firstErr error
	for i := 0; i < portTries; i++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port+i)))
		if err == nil {
			return ln, nil
		}
		if firstErr == nil {
			firstErr = err
		}
		if fixed || !errors.Is(err, syscall.EADDRINUSE) {
			break
		}
	}
	if errors.Is(firstErr, syscall.EADDRINUSE) {
		if fixed {
			return nil, fmt.Errorf("port %d is in use; choose another with --port", port)
		}
		return nil, fmt.Errorf("ports %d to %d are all in use; choose one with --port", port, port+portTries-1)
	}
	return nil, firstErr
}

func displayPath(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}

// openBrowser asks the desktop to open url, quietly doing nothing where
// there is no desktop.
func openBrowser(url string) {
	for _, cmd := range []string{"xdg-open", "open", "wslview"} {
		if p, err := exec.LookPath(cmd); err == nil {
			c := exec.Command(p, url)
			c.Stdout, c.Stderr = nil, nil
			if c.Start() == nil {
				go c.Wait()
				return
			}
		}
	}
}
