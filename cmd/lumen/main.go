// Command lumen builds websites for medical practices from Markdown.
//
// Usage:
//
//	lumen build [--source DIR] [--dest DIR] [--drafts] [--base-url URL] [--today YYYY-MM-DD] [-v] [--cpuprofile FILE] [--memprofile FILE]
//	lumen serve [--source DIR] [--port 1313] [--bind 127.0.0.1] [--poll DURATION] [--drafts] [--open] [--edit]
//	lumen check [--source DIR] [--format text|json] [--drafts] [--today YYYY-MM-DD]
//	lumen deploy [--source DIR] [--dry-run] [--delete] [--force] [--bucket NAME] [--prefix FOLDER] [--endpoint URL] [--region REGION]
//	lumen translated [--source DIR] FILE...
//	lumen new site DIR
//	lumen new KIND "Title" [--source DIR]
//	lumen version
//	lumen help [COMMAND]
//
// Exit status: 0 on success, 1 when the site has errors, 2 on a usage
// error.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// version is set at link time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command is one subcommand of lumen.
type command struct {
	name, usage, summary string
	run                  func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "lumen build [--source DIR] [--dest DIR] [--drafts] [--base-url URL] [--today YYYY-MM-DD] [-v] [--cpuprofile FILE] [--memprofile FILE]", "build the site into public/", runBuild},
		{"deploy", "lumen deploy [--source DIR] [--dest DIR] [--dry-run] [--delete] [--force] [--bucket NAME] [--prefix FOLDER] [--endpoint URL] [--region REGION]", "build the site and upload what changed to S3-compatible storage", runDeploy},
		{"new", "lumen new site DIR | lumen new KIND \"Title\" [--source DIR]", "create a site, or a page of a kind (" + kindList() + ")", runNew},
		{"serve", "lumen serve [--source DIR] [--port 1313] [--bind 127.0.0.1] [--poll DURATION] [--drafts] [--open] [--edit]", "serve the site while you write, reloading the browser on every save", runServe},
		{"check", "lumen check [--source DIR] [--format text|json] [--drafts] [--today YYYY-MM-DD]", "report each page's reading grade, medical review status and plain-language findings", runCheck},
		{"translated", "lumen translated [--source DIR] FILE...", "mark translations as up to date with their originals", runTranslated},
		{"version", "lumen version", "print the version", func(_ []string, stdout, _ io.Writer) int {
			fmt.Fprintln(stdout, "lumen", version)
			return exitOK
		}},
		{"help", "lumen help [COMMAND]", "show help", nil},
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "--help", "-help":
		if len(rest) > 0 {
			for _, c := range commands() {
				if c.name == rest[0] {
					fmt.Fprintf(stdout, "usage: %s\n\n%s\n", c.usage, c.summary)
					return exitOK
				}
			}
			fmt.Fprintf(stderr, "lumen help: unknown command %q\n", rest[0])
			return exitUsage
		}
		usage(stdout)
		return exitOK
	case "-v", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c.run(rest, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "lumen: unknown command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Lumen builds websites for medical practices from Markdown.")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun lumen help COMMAND for a command's flags.")
}
