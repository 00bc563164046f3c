package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/lumen-ssg/lumen/generator"
	"github.com/lumen-ssg/lumen/generator/config"
	"github.com/lumen-ssg/lumen/generator/deploy"
	"github.com/lumen-ssg/lumen/themes"
)

// maxListed is how many changes a dry run lists before it counts the
// rest.
const maxListed = 40

func runDeploy(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("deploy", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the site's folder (holding site.yaml)")
	dest := fl.String("dest", "", "where to build the site before uploading it (default: public inside the source)")
	dryRun := fl.Bool("dry-run", false, "print what would be uploaded, updated and deleted, and change nothing")
	del := fl.Bool("delete", false, "delete the objects under the prefix that the site no longer has")
	force := fl.Bool("force", false, "upload every file, changed or not (after a change to headers alone)")
	var target deployFlags
	fl.StringVar(&target.bucket, "bucket", "", "the bucket, replacing deploy.bucket of site.yaml")
	fl.StringVar(&target.prefix, "prefix", "", "the folder of the bucket, replacing deploy.prefix")
	fl.StringVar(&target.endpoint, "endpoint", "", "the storage's https address, replacing deploy.endpoint")
	fl.StringVar(&target.region, "region", "", "the bucket's region, replacing deploy.region")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "lumen deploy: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	if *dest == "" {
		*dest = filepath.Join(*source, "public")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// The site is built first, as lumen build builds it: a site with
	// errors is never uploaded.
	res, ok := buildSite(ctx, *source, *dest, generator.Options{Theme: themes.Default(), Today: time.Now()}, false, stdout, stderr)
	if !ok {
		fmt.Fprintln(stderr, "lumen deploy: the build failed; nothing was uploaded")
		return exitError
	}
	cfg := target.over(res.Site.Config.Deploy)
	if cfg.Bucket == "" {
		fmt.Fprintln(stderr, "lumen deploy: no bucket to deploy to\n    hint: add to site.yaml\n      deploy:\n        bucket: your-bucket\n        endpoint: https://…   # leave out for AWS S3\n    or give --bucket; the README's \"Deploying\" says how for each host")
		return exitError
	}
	if err := cfg.Validate(); err != nil {
		fmt.Fprintln(stderr, "lumen deploy:", err)
		return exitError
	}
	where := "s3://" + cfg.Bucket + "/" + cfg.Folder()
	if cfg.Endpoint != "" {
		where += " at " + cfg.Endpoint
	}
	store, err := deploy.NewS3(deploy.Target{Bucket: cfg.Bucket, Endpoint: cfg.Endpoint, Region: cfg.Region})
	if err != nil {
		fmt.Fprintln(stderr, "lumen deploy:", err)
		return exitError
	}
	folder := *dest
	if res.Target != "" {
		folder = res.Target
	}
	plan, err := deploy.Prepare(ctx, os.DirFS(folder), store, deploy.Options{
		Prefix: cfg.Folder(), BasePath: res.Site.Config.BasePath(), Delete: *del, Force: *force})
	if err != nil {
		fmt.Fprintf(stderr, "lumen deploy: %s: %v\n", where, err)
		return exitError
	}
	if base := strings.TrimPrefix(res.Site.Config.BasePath(), "/"); base != cfg.Folder() {
		fmt.Fprintf(stderr, "warning: the site is made for %s (base_url) but goes to the folder %q of the bucket: its links work only if the CDN in front of the bucket serves that folder at %s\n",
			res.Site.Config.BasePath(), cfg.Folder(), res.Site.Config.BasePath())
	}
	verb := "Deploying to"
	if *dryRun {
		verb = "Dry run for"
	}
	fmt.Fprintf(stdout, "%s %s: %s\n", verb, where, plan)
	if len(plan.Unapplied) > 0 {
		fmt.Fprintf(stdout, "Object storage cannot send %s: set them in the CDN in front of the bucket (README: Deploying).\n", strings.Join(plan.Unapplied, ", "))
	}
	if *dryRun {
		listChanges(stdout, plan)
		fmt.Fprintln(stdout, "Dry run: nothing was changed.")
		return exitOK
	}
	if !plan.Pending() {
		fmt.Fprintln(stdout, "Nothing to upload: the bucket already holds this site.")
		return exitOK
	}
	start := time.Now()
	var last time.Time
	var done deploy.Progress
	err = plan.Apply(ctx, store, func(p deploy.Progress) {
		done = p
		if now := time.Now(); now.Sub(last) >= time.Second || p.Done == p.Total {
			last = now
			fmt.Fprintf(stdout, "  %d of %d changes, %s of %s\n", p.Done, p.Total, deploy.Bytes(p.DoneBytes), deploy.Bytes(p.TotalBytes))
		}
	})
	if err != nil {
		if errors.Is(err, context.Canceled) {
			err = errors.New("interrupted")
		}
		fmt.Fprintf(stderr, "lumen deploy: %v\n%d of %d changes were made; each object is whole, old or new, and deletions come only after every upload. Run %s again to finish.\n",
			err, done.Done, done.Total, commandLine("deploy"))
		return exitError
	}
	up, _ := plan.Count(deploy.Upload)
	upd, _ := plan.Count(deploy.Update)
	gone, _ := plan.Count(deploy.Delete)
	fmt.Fprintf(stdout, "Deployed to %s in %s: %d uploaded, %d updated, %d deleted.\n", where, time.Since(start).Round(time.Millisecond), up, upd, gone)
	return exitOK
}

// deployFlags are the command line's replacements for site.yaml's deploy
// settings.
type deployFlags struct{ bucket, prefix, endpoint, region string }

// over returns d with the values given on the command line in place of
// its own.
func (f deployFlags) over(d config.Deploy) config.Deploy {
	if f.bucket != "" {
		d.Bucket = f.bucket
	}
	if f.prefix != "" {
		d.Prefix = f.prefix
	}
	if f.endpoint != "" {
		d.Endpoint = f.endpoint
	}
	if f.region != "" {
		d.Region = f.region
	}
	return d
}

// listChanges prints the uploads, updates and deletions of a plan, up to
// maxListed of them.
func listChanges(w io.Writer, plan *deploy.Plan) {
	n := 0
	for _, c := range plan.Changes {
		if c.Action != deploy.Upload && c.Action != deploy.Update && c.Action != deploy.Delete {
			continue
		}
		if n++; n > maxListed {
			continue
		}
		fmt.Fprintf(w, "  %-6s %s (%s)\n", c.Action, c.Key, deploy.Bytes(c.Size))
	}
	if n > maxListed {
		fmt.Fprintf(w, "  … and %d more\n", n-maxListed)
	}
}
