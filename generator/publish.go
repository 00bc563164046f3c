package generator

import (
	"context"
	"os"
	"path/filepath"

	"github.com/lumen-ssg/lumen/generator/output"
)

// Publish builds the site in the folder source and publishes it to the
// folder dest atomically: the new site replaces the old only when the
// whole build succeeded, so on any error, interruption or crash dest is
// left exactly as it was. opts.Source and opts.Out are set by Publish.
func Publish(ctx context.Context, source, dest string, opts Options) (*Result, error) {
	if dest == "" {
		dest = filepath.Join(source, "public")
	}
	out, err := output.NewDir(dest, source)
	if err != nil {
		return nil, err
	}
	opts.Source = os.DirFS(source)
	opts.Out = out
	res, err := Build(ctx, opts)
	if err != nil {
		out.Abort()
		return res, err
	}
	if err := out.Commit(); err != nil {
		return res, err
	}
	return res, nil
}
