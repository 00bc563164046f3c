package deploy

import (
	"context"
	"io"
)

// Store is object storage: a flat namespace of keys in one bucket.
type Store interface {
	// List returns every object whose key starts with prefix.
	List(ctx context.Context, prefix string) ([]Object, error)
	// Put writes the object key, size bytes read from body, with meta.
	Put(ctx context.Context, key string, body io.Reader, size int64, meta Meta) error
	// Delete removes the object key.
	Delete(ctx context.Context, key string) error
}

// Object is an object of a Store, as listed.
type Object struct {
	Key  string
	Size int64
	// ETag is the object's entity tag, without quotes: for an object
	// written in one request, the hexadecimal MD5 of its content.
	ETag string
}

// Meta is what object storage sends with an object besides its content:
// the headers of a _headers rule that it can keep, and a redirect.
type Meta struct {
	ContentType        string
	CacheControl       string
	ContentLanguage    string
	ContentDisposition string
	ContentEncoding    string
	// Redirect, when set, is where a storage serving a website (S3's
	// website endpoint) redirects the object's address.
	Redirect string
}
