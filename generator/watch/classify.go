package watch

import (
	"path"
	"strconv"
	"strings"

	"github.com/lumen-ssg/lumen/generator/sitefs"
)

// Kind classifies a changed path by the part of the site it belongs to, so
// that a consumer can decide how much to rebuild.
type Kind int

// The kinds of a changed path.
const (
	KindContent Kind = iota // a content file or folder: content/**
	KindConfig              // the site configuration: site.yaml
	KindTheme               // a theme file or folder: themes/** (layouts, static)
	KindOther               // anything else that is watched
)

// String returns the lower-case name of k, such as "content".
func (k Kind) String() string {
	switch k {
	case KindContent:
		return "content"
	case KindConfig:
		return "config"
	case KindTheme:
		return "theme"
	case KindOther:
		return "other"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Classify returns the Kind of rel, a slash-separated path relative to the
// site folder, such as "content/conditions/asthma.md" or "site.yaml".
func Classify(rel string) Kind {
	rel = path.Clean(strings.TrimPrefix(rel, "./"))
	first, _, _ := strings.Cut(rel, "/")
	switch {
	case rel == "site.yaml":
		return KindConfig
	case first == "content":
		return KindContent
	case first == "themes":
		return KindTheme
	}
	return KindOther
}

// skipRel reports whether the slash path rel, relative to the site folder,
// is never reported nor watched: the build output public/, or any path with
// a temporary or hidden segment.
func skipRel(rel string) bool {
	if rel == "public" || strings.HasPrefix(rel, "public/") {
		return true
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if sitefs.Ignored(seg) {
			return true
		}
	}
	return false
}
