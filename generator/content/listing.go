package content

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/lumen-ssg/lumen/generator/diag"
	"github.com/lumen-ssg/lumen/generator/sitefs"
)

// A listing is what a walk of content/ found: the page files and the
// other files, in the order of the walk, and a description of each page
// file (for Options.Cache and Options.Known), as of options with the
// languages and the largest page size it was made with. A Set keeps the
// listing of a walk that found no problem, so that the next Load of the
// same folder, told which files changed (Options.Last), need not walk it
// again.
type listing struct {
	pages, files []string
	infos        map[string]fs.FileInfo
	languages    []string
	maxPageBytes int64
}

// list returns the listing of content/ in fsys: the last one with the
// changed files described again (again), or a new walk's, with the
// problems the walk found.
func (opts Options) list(fsys fs.FS) (*listing, diag.List) {
	if l := opts.again(fsys); l != nil {
		return l, nil
	}
	return opts.walk(fsys)
}

// again returns the listing of opts.Last with the files of opts.Changed
// described again, when that is what a walk would find: each changed path
// is a regular file that the last listing has (a page or another file) or
// a data file (glossary.yaml, …, which Load reads every time), a page
// no larger than Lumen reads, and the languages and the size limit are
// the last listing's. A changed path that is new, gone, a link or a
// folder, or anything the last listing did not have, returns nil: walk.
func (opts Options) again(fsys fs.FS) *listing {
	if opts.Last == nil || len(opts.Changed) == 0 {
		return nil
	}
	last := opts.Last.listing
	if last == nil || !slices.Equal(last.languages, opts.Languages) || last.maxPageBytes != opts.MaxPageBytes {
		return nil
	}
	var infos map[string]fs.FileInfo
	for _, p := range opts.Changed {
		if !strings.HasPrefix(p, Dir+"/") {
			return nil
		}
		info, err := fs.Lstat(fsys, p)
		if err != nil || !info.Mode().IsRegular() {
			return nil
		}
		if dataFile(p, opts.Languages) {
			continue
		}
		if !strings.HasSuffix(p, ".md") {
			if !opts.Last.hasFile(p) {
				return nil
			}
			continue
		}
		if _, ok := last.infos[p]; !ok || opts.MaxPageBytes > 0 && info.Size() > opts.MaxPageBytes {
			return nil
		}
		if infos == nil {
			infos = maps.Clone(last.infos)
		}
		infos[p] = info
	}
	if infos == nil {
		infos = last.infos
	}
	return &listing{pages: last.pages, files: last.files, infos: infos, languages: last.languages, maxPageBytes: last.maxPageBytes}
}

// hasFile reports whether the file at source is one of the set's files
// that are not pages.
func (s *Set) hasFile(source string) bool {
	return slices.ContainsFunc(s.Files, func(f File) bool { return f.Source == source })
}

// walk walks content/ in fsys and returns what it found, with every
// problem: a file or folder that cannot be read, a link that leads
// nowhere or out of the site, a page too large to read.
func (opts Options) walk(fsys fs.FS) (*listing, diag.List) {
	var pages, files []string
	infos := map[string]fs.FileInfo{}
	var errs diag.List
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Add(&diag.Error{File: p, Rule: diag.RuleFile, Msg: "cannot read: " + trimPathErr(err)})
			return nil
		}
		name := d.Name()
		if p != Dir && sitefs.Ignored(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// A link to a file is read as that file; a link to a folder
			// is not followed, so a link cannot make the walk loop or
			// reach outside the site.
			info, err := fs.Stat(fsys, p)
			if err != nil {
				errs.Add(sitefs.Link(fsys, p, err).WithRule(diag.RuleFile))
				return nil
			}
			if !info.Mode().IsRegular() {
				return nil
			}
		}
		if dataFile(p, opts.Languages) {
			return nil // data, which Load reads, not published
		}
		if strings.HasSuffix(name, ".md") {
			// A file's entry describes it (one lstat beside its folder);
			// a link is described by what it leads to.
			info, err := d.Info()
			if d.Type()&fs.ModeSymlink != 0 {
				info, err = fs.Stat(fsys, p)
			}
			if err == nil && opts.MaxPageBytes > 0 && info.Size() > opts.MaxPageBytes {
				errs.Add(&diag.Error{File: p, Rule: diag.RuleLimit,
					Msg:  fmt.Sprintf("the page is %s; Lumen reads pages of up to %s", size(info.Size()), size(opts.MaxPageBytes)),
					Hint: "split it into several pages, or raise limits.page_kb in site.yaml"})
				return nil
			}
			pages = append(pages, p)
			if (opts.Cache != nil || opts.Known != nil) && err == nil {
				infos[p] = info
			}
		} else {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		errs.Add(err)
	}
	return &listing{pages: pages, files: files, infos: infos, languages: opts.Languages, maxPageBytes: opts.MaxPageBytes}, errs
}
