// Package editapi is the backend of the browser editor of lumen serve
// --edit: Decap CMS's proxy protocol, spoken over one address that takes
// POST {"action", "params"} (decap-server, packages/decap-server in the
// decap-cms repository, is the reference), on the site's content/ folder
// only.
//
// The actions are info, entriesByFolder, entriesByFiles, getEntry,
// persistEntry, getMedia, getMediaFile, persistMedia, deleteFile,
// deleteFiles and getDeployPreview; the editorial workflow's actions are
// refused (the editor publishes directly: publish_mode simple). A failure
// is a reply whose status is not 2xx with {"error": "..."}, which Decap
// shows to the editor, leaving the entry unsaved.
//
// Every save is checked as lumen build checks the site: the site is built
// from its sources with the proposed files laid over them (an fs.FS
// overlay), and when the build finds an error in a proposed file, or an
// error in another file that the site did not have before (a link to a
// page whose slug changed), the save is refused with 422 and
// {"error": "<file>:<line>: <message> (hint)"}, and nothing is written.
// What passes is written atomically (a temporary file in the same folder,
// then a rename), so the dev server's watcher sees one change and reloads
// the page. A deletion is checked the same way: deleting a page that
// other pages link to or name is refused, with the list of them.
//
// Every path is hostile until checked: it must be relative, under
// content/, with no "." or ".." element, no backslash and no name Lumen
// ignores (a dotfile, an editor's temporary file); the files are opened
// through an os.Root at content/, so a symbolic link that leads out of
// content/ is never followed. Request bodies, pages and uploads have size
// limits; uploads must be images (JPEG, PNG, GIF, WebP or AVIF, by their
// first bytes as well as their name), kept in content/images/ or in the
// folder of a page bundle.
//
// The API has no authentication of its own: package editor puts it behind
// the checks of Host, Origin and, off loopback, a password.
package editapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/lumen-ssg/lumen/generator/content"
)

// Limits on what a request may hold.
const (
	// MaxRequestBytes bounds a request body: an upload of MaxImageBytes
	// in base64 with room for its JSON.
	MaxRequestBytes = MaxImageBytes*4/3 + 64<<10
	// MaxPageBytes bounds one page sent to persistEntry.
	MaxPageBytes = 1 << 20
	// MaxImageBytes bounds one uploaded image.
	MaxImageBytes = 5 << 20
	// maxFiles bounds the files one request may name.
	maxFiles = 100
)

// Options describe the site the API edits.
type Options struct {
	// Dir is the site's folder on disk, holding site.yaml and content/.
	Dir string
	// Source is the site's folder as the build reads it (sitefs.Open).
	Source fs.FS
	// Theme is the built-in theme (themes.Default()).
	Theme fs.FS
	// Today is the date medical reviews are judged on; zero means now.
	Today time.Time
	// Log receives the errors that the editor is told of only in general
	// terms (a file that could not be written); nil drops them.
	Log func(error)
}

// API serves Decap's proxy protocol for one site.
type API struct {
	opts    Options
	root    *os.Root // content/, confined
	content fs.FS    // root as a file system

	mu sync.Mutex // one change at a time
}

// New returns the API for the site in opts.Dir, whose content/ folder
// must exist. Close it when done.
func New(opts Options) (*API, error) {
	root, err := os.OpenRoot(filepath.Join(opts.Dir, content.Dir))
	if err != nil {
		return nil, fmt.Errorf("the editor needs the site's content folder: %w", err)
	}
	return &API{opts: opts, root: root, content: root.FS()}, nil
}

// Close releases the content folder.
func (a *API) Close() error { return a.root.Close() }

// request is what Decap posts.
type request struct {
	Action string          `json:"action"`
	Params json.RawMessage `json:"params"`
}

// Error is a refusal: an HTTP status and the message Decap shows.
type Error struct {
	Status int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

func refuse(status int, format string, args ...any) *Error {
	return &Error{Status: status, Msg: fmt.Sprintf(format, args...)}
}

// ServeHTTP answers one POST of the protocol.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		a.reply(w, refuse(http.StatusMethodNotAllowed, "the editor's API takes POST requests only"), nil)
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		a.reply(w, refuse(http.StatusUnsupportedMediaType, "the editor's API takes application/json only"), nil)
		return
	}
	var req request
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxRequestBytes))
	if err := dec.Decode(&req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			a.reply(w, refuse(http.StatusRequestEntityTooLarge, "the request is larger than %d MB; images may be up to %d MB", MaxRequestBytes>>20, MaxImageBytes>>20), nil)
			return
		}
		a.reply(w, refuse(http.StatusBadRequest, "the request is not JSON: %v", err), nil)
		return
	}
	out, err := a.Do(r.Context(), req.Action, req.Params)
	a.reply(w, err, out)
}

// Do runs one action with its JSON parameters and returns what to reply:
// a value to encode as JSON, or an error (an *Error says its status).
func (a *API) Do(ctx context.Context, action string, params json.RawMessage) (any, error) {
	if len(params) == 0 {
		params = json.RawMessage("{}")
	}
	switch action {
	case "info":
		return map[string]any{"repo": filepath.Base(a.opts.Dir), "publish_modes": []string{"simple"}, "type": "local_fs"}, nil
	case "entriesByFolder":
		var p struct {
			Folder    string `json:"folder"`
			Extension string `json:"extension"`
			Depth     int    `json:"depth"`
		}
		if err := decode(params, &p); err != nil {
			return nil, err
		}
		return a.entriesByFolder(p.Folder, p.Extension)
	case "entriesByFiles":
		var p struct {
			Files []fileRef `json:"files"`
		}
		if err := decode(params, &p); err != nil {
			return nil, err
		}
		if len(p.Files) > maxFiles*10 {
			return nil, refuse(http.StatusRequestEntityTooLarge, "too many files in one request")
		}
		return a.entries(p.Files)
	case "getEntry":
		var p struct {
			Path string `json:"path"`
		}
		if err := decode(params, &p); err != nil {
			return nil, err
		}
		e, err := a.entries([]fileRef{{Path: p.Path}})
		if err != nil {
			return nil, err
		}
		return e[0], nil
	case "persistEntry":
		var p persistParams
		if err := decode(params, &p); err != nil {
			return nil, err
		}
		return a.persistEntry(ctx, p)
	case "getMedia":
		var p struct {
			MediaFolder string `json:"mediaFolder"`
		}
		if err := decode(params, &p); err != nil {
			return nil, err
		}
		return a.getMedia(p.MediaFolder)
	case "getMediaFile":
		var p struct {
			Path string `json:"path"`
		}
		if err := decode(params, &p); err != nil {
			return nil, err
		}
		return a.mediaFile(p.Path)
	case "persistMedia":
		var p struct {
			Asset asset `json:"asset"`
		}
		if err := decode(params, &p); err != nil {
			return nil, err
		}
		return a.persistMedia(ctx, p.Asset)
	case "deleteFile":
		var p struct {
			Path string `json:"path"`
		}
		if err := decode(params, &p); err != nil {
			return nil, err
		}
		return a.deleteFiles(ctx, []string{p.Path})
	case "deleteFiles":
		var p struct {
			Paths []string `json:"paths"`
		}
		if err := decode(params, &p); err != nil {
			return nil, err
		}
		return a.deleteFiles(ctx, p.Paths)
	case "getDeployPreview":
		var p struct {
			Collection string `json:"collection"`
			Slug       string `json:"slug"`
		}
		if err := decode(params, &p); err != nil {
			return nil, err
		}
		return a.deployPreview(p.Collection, p.Slug)
	case "unpublishedEntries", "unpublishedEntry", "unpublishedEntryDataFile", "unpublishedEntryMediaFile",
		"deleteUnpublishedEntry", "updateUnpublishedEntryStatus", "publishUnpublishedEntry", "getNotes", "addNote":
		return nil, refuse(http.StatusUnprocessableEntity, "%s: the editor publishes directly; Lumen does not support Decap's editorial workflow", action)
	}
	return nil, refuse(http.StatusUnprocessableEntity, "unknown action %q", action)
}

func decode(params json.RawMessage, v any) error {
	if err := json.Unmarshal(params, v); err != nil {
		return refuse(http.StatusBadRequest, "the request's params do not fit the action: %v", err)
	}
	return nil
}

// reply writes v as JSON, or err as {"error": ...} with its status (500
// with a generic message for an error that is not an *Error, whose text
// may name the machine's folders).
func (a *API) reply(w http.ResponseWriter, err error, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err != nil {
		status, msg := http.StatusInternalServerError, "the editor could not do that; the terminal running lumen serve says why"
		var e *Error
		if errors.As(err, &e) {
			status, msg = e.Status, e.Msg
		} else {
			if a.opts.Log != nil {
				a.opts.Log(err)
			}
		}
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]string{"error": msg})
		return
	}
	json.NewEncoder(w).Encode(v)
}
