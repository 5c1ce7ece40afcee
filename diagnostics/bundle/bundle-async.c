/* bundle-async.c: reading and verifying bundles off the caller's thread
 *
 * The viewer reads a bundle's head, then verifies the whole file with a
 * progress bar and thumbnails, and saves attachments: each is a GTask run
 * in a thread on plain data (paths, sizes), in the style of
 * clock-check.c; what the viewer is told along the way is posted to its
 * main context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bundle-async"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "bundle-async.h"
#include "bundle-writer.h"
#include "mfa-error.h"
#include "mfa-json-depth.h"
#include "mfa-json-read.h"

/* ---- the head ------------------------------------------------------------ */

void
mfa_bundle_head_free (MfaBundleHead *head)
{
  if (head == NULL)
    return;
  g_clear_pointer (&head->manifest, json_node_unref);
  g_clear_pointer (&head->evidence, json_object_unref);
  g_free (head);
}

typedef struct
{
  GCancellable  *cancellable;
  GByteArray    *buffer;
  MfaBundleHead *head;
} HeadRead;

static JsonNode *
parse_object (GByteArray *buffer)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!mfa_json_check_depth ((const gchar *) buffer->data, buffer->len, "", MFA_ERROR_FAILED,
                             NULL)
      || !json_parser_load_from_data (parser, (const gchar *) buffer->data, buffer->len, NULL)
      || mfa_json_object (json_parser_get_root (parser)) == NULL)
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

static void
add_evidence (HeadRead            *read,
              const MfaBundleFile *file)
{
  g_autofree gchar *kind = NULL;
  JsonNode *node;

  if (g_strcmp0 (file->kind, "diagnostics") != 0 || !g_str_has_prefix (file->path, "diagnostics/")
      || !g_str_has_suffix (file->path, ".json")
      || read->buffer->len >= MFA_BUNDLE_MAX_EVIDENCE_SIZE
      || (node = parse_object (read->buffer)) == NULL)
    return;
  kind = g_strndup (file->path + strlen ("diagnostics/"),
                    strlen (file->path) - strlen ("diagnostics/.json"));
  json_object_set_member (read->head->evidence, kind, node);
}

static gboolean
head_sink (const MfaBundleFile  *file,
           const guint8         *data,
           gsize                 len,
           gpointer              user_data,
           GError              **error)
{
  HeadRead *read = user_data;

  if (g_cancellable_set_error_if_cancelled (read->cancellable, error))
    return FALSE;
  if (data != NULL)
    {
      if (read->buffer->len + len <= MFA_BUNDLE_MAX_EVIDENCE_SIZE)
        g_byte_array_append (read->buffer, data, len);
      return TRUE;
    }
  if (g_strcmp0 (file->kind, "manifest") == 0)
    read->head->manifest = parse_object (read->buffer);
  else
    add_evidence (read, file);
  g_byte_array_set_size (read->buffer, 0);
  return TRUE;
}

static void
read_head_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  const gchar *path = task_data;
  g_autoptr(MfaBundleHead) head = g_new0 (MfaBundleHead, 1);
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(MfaBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  HeadRead read = { cancellable, buffer, head };

  head->evidence = json_object_new ();
  bundle = mfa_bundle_read_head (path, head_sink, &read, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || head->manifest == NULL)
    {
      if (error == NULL)
        g_set_error (&error, MFA_ERROR, MFA_ERROR_NOT_A_BUNDLE, _("no manifest"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&head), (GDestroyNotify) mfa_bundle_head_free);
}

void
mfa_bundle_read_head_async (const gchar         *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (path != NULL);

  g_task_set_source_tag (task, mfa_bundle_read_head_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, read_head_thread);
}

MfaBundleHead *
mfa_bundle_read_head_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, mfa_bundle_read_head_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- verifying, with progress and thumbnails ----------------------------- */

/* An attachment is never held whole: its bytes stream into a loader that
 * decodes it to thumbnail size (or stops at once for a picture too large),
 * and are dropped. */
typedef struct
{
  gchar              *path;
  gint                thumbnail_size;
  gint64              max_pixels;
  MfaBundleProgress   progress;
  MfaBundleImageFunc  image;
  gpointer            user_data;    /* the caller's, handed back in its main context only */
  GMainContext       *context;
  GCancellable       *cancellable;
  GdkPixbufLoader    *loader;       /* the image streaming by, NULL when not decoded */
  gboolean            decoding;
  guint               permille;
} VerifyRun;

static void
stop_decoding (VerifyRun *run)
{
  if (run->loader != NULL)
    gdk_pixbuf_loader_close (run->loader, NULL);
  g_clear_object (&run->loader);
  run->decoding = FALSE;
}

static void
verify_run_free (VerifyRun *run)
{
  stop_decoding (run);
  g_free (run->path);
  g_main_context_unref (run->context);
  g_clear_object (&run->cancellable);
  g_free (run);
}

/* One call posted to the caller's main context; it may run after the task
 * is gone, so it holds what it needs. */
typedef struct
{
  MfaBundleProgress   progress;
  MfaBundleImageFunc  image;
  gpointer            user_data;
  GCancellable       *cancellable;
  guint64         done, total;
  MfaBundleFile  *file;        /* NULL for progress */
  GdkPixbuf      *thumbnail;
} Post;

static void
post_free (Post *post)
{
  g_clear_object (&post->cancellable);
  g_clear_pointer (&post->file, mfa_bundle_file_free);
  g_clear_object (&post->thumbnail);
  g_free (post);
}

static gboolean
deliver (gpointer user_data)
{
  Post *post = user_data;

  if (g_cancellable_is_cancelled (post->cancellable))
    return G_SOURCE_REMOVE;
  if (post->file == NULL)
    post->progress (post->done, post->total, post->user_data);
  else
    post->image (post->file, post->thumbnail, post->user_data);
  return G_SOURCE_REMOVE;
}

static void
post (VerifyRun *run,
      Post      *item)
{
  item->progress = run->progress;
  item->image = run->image;
  item->user_data = run->user_data;
  item->cancellable = run->cancellable != NULL ? g_object_ref (run->cancellable) : NULL;
  g_main_context_invoke_full (run->context, G_PRIORITY_DEFAULT, deliver, item,
                              (GDestroyNotify) post_free);
}

static void
verify_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  VerifyRun *run = user_data;
  guint permille = total > 0 ? (guint) MIN (1000, done * 1000 / total) : 1000;
  Post *item;

  if (run->progress == NULL || permille == run->permille)
    return;
  run->permille = permille;
  item = g_new0 (Post, 1);
  item->done = done;
  item->total = total;
  post (run, item);
}

static void
size_prepared (GdkPixbufLoader *loader,
               gint             width,
               gint             height,
               gpointer         user_data)
{
  VerifyRun *run = user_data;
  gdouble scale;

  /* A hostile image can claim any size: zero stops the loader at once. */
  if (width <= 0 || height <= 0 || (gint64) width * height > run->max_pixels)
    {
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }
  scale = MIN (1.0, MIN ((gdouble) run->thumbnail_size / width,
                         (gdouble) run->thumbnail_size / height));
  gdk_pixbuf_loader_set_size (loader, MAX (1, (gint) (width * scale)),
                              MAX (1, (gint) (height * scale)));
}

/* The thumbnail of the image that just streamed by, if it decoded. */
static GdkPixbuf *
finish_thumbnail (VerifyRun *run)
{
  g_autoptr(GdkPixbufLoader) loader = g_steal_pointer (&run->loader);
  gboolean decoded = run->decoding;
  GdkPixbuf *pixbuf;

  run->decoding = FALSE;
  if (loader == NULL || !gdk_pixbuf_loader_close (loader, NULL) || !decoded)
    return NULL;
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  return pixbuf != NULL ? g_object_ref (pixbuf) : NULL;
}

static void
feed_thumbnail (VerifyRun           *run,
                const MfaBundleFile *file,
                const guint8        *data,
                gsize                len)
{
  if (run->loader == NULL && !run->decoding)
    {
      /* The writer's per-file limit: anything larger is not decoded at all. */
      if (file->size > MFA_BUNDLE_MAX_ATTACHMENT_SIZE)
        return;
      run->loader = gdk_pixbuf_loader_new ();
      run->decoding = TRUE;
      g_signal_connect (run->loader, "size-prepared", G_CALLBACK (size_prepared), run);
    }
  if (run->decoding && !gdk_pixbuf_loader_write (run->loader, data, len, NULL))
    run->decoding = FALSE; /* not an image it can read, or stopped: the rest goes by */
}

static gboolean
is_image (const MfaBundleFile *file)
{
  return g_str_has_prefix (file->path, "attachments/")
         && (g_strcmp0 (file->media_type, "image/png") == 0
             || g_strcmp0 (file->media_type, "image/jpeg") == 0);
}

static MfaBundleFile *
file_copy (const MfaBundleFile *file)
{
  MfaBundleFile *copy = g_new0 (MfaBundleFile, 1);

  copy->path = g_strdup (file->path);
  copy->size = file->size;
  copy->sha256 = g_strdup (file->sha256);
  copy->media_type = g_strdup (file->media_type);
  copy->kind = g_strdup (file->kind);
  copy->caption = g_strdup (file->caption);
  return copy;
}

static gboolean
verify_sink (const MfaBundleFile  *file,
             const guint8         *data,
             gsize                 len,
             gpointer              user_data,
             GError              **error)
{
  VerifyRun *run = user_data;
  Post *item;

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;
  if (!is_image (file) || run->image == NULL)
    return TRUE;
  if (data != NULL)
    {
      feed_thumbnail (run, file, data, len);
      return TRUE;
    }
  /* The end of an entry: its size and SHA-256 matched the manifest. */
  item = g_new0 (Post, 1);
  item->file = file_copy (file);
  item->thumbnail = finish_thumbnail (run);
  post (run, item);
  return TRUE;
}

static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyRun *run = task_data;
  GError *error = NULL;
  MfaBundle *bundle = mfa_bundle_read (run->path, verify_sink, run, verify_progress, run,
                                       &error);

  stop_decoding (run);
  if (bundle == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bundle, (GDestroyNotify) mfa_bundle_free);
}

void
mfa_bundle_verify_async (const gchar         *path,
                         gint                 thumbnail_size,
                         gint64               max_pixels,
                         MfaBundleProgress    progress,
                         MfaBundleImageFunc   image,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  VerifyRun *run = g_new0 (VerifyRun, 1);

  g_return_if_fail (path != NULL);

  run->path = g_strdup (path);
  run->thumbnail_size = MAX (1, thumbnail_size);
  run->max_pixels = max_pixels;
  run->progress = progress;
  run->image = image;
  run->user_data = user_data;
  run->context = g_main_context_ref_thread_default ();
  run->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  run->permille = G_MAXUINT;
  g_task_set_source_tag (task, mfa_bundle_verify_async);
  g_task_set_task_data (task, run, (GDestroyNotify) verify_run_free);
  g_task_run_in_thread (task, verify_thread);
}

MfaBundle *
mfa_bundle_verify_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, mfa_bundle_verify_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- saving attachments -------------------------------------------------- */

typedef struct
{
  gchar    *path;
  gchar    *dir;
  gboolean  replace;
  guint     skipped;
} SaveRun;

static void
save_run_free (SaveRun *run)
{
  g_free (run->path);
  g_free (run->dir);
  g_free (run);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveRun *run = task_data;
  GError *error = NULL;
  GPtrArray *saved = mfa_bundle_save_attachments (run->path, run->dir, run->replace,
                                                  &run->skipped, &error);

  if (saved == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, saved, (GDestroyNotify) g_ptr_array_unref);
}

void
mfa_bundle_save_attachments_async (const gchar         *path,
                                   const gchar         *dir,
                                   gboolean             replace,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SaveRun *run = g_new0 (SaveRun, 1);

  g_return_if_fail (path != NULL && dir != NULL);

  run->path = g_strdup (path);
  run->dir = g_strdup (dir);
  run->replace = replace;
  g_task_set_source_tag (task, mfa_bundle_save_attachments_async);
  g_task_set_task_data (task, run, (GDestroyNotify) save_run_free);
  g_task_run_in_thread (task, save_thread);
}

GPtrArray *
mfa_bundle_save_attachments_finish (GAsyncResult  *result,
                                    guint         *skipped,
                                    GError       **error)
{
  SaveRun *run;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, mfa_bundle_save_attachments_async),
                        NULL);

  run = g_task_get_task_data (G_TASK (result));
  if (skipped != NULL)
    *skipped = run->skipped;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- writing ------------------------------------------------------------- */

typedef struct
{
  MfaBundleContent *content;
  gchar            *target;
} WriteRun;

static void
write_run_free (WriteRun *run)
{
  mfa_bundle_content_free (run->content);
  g_free (run->target);
  g_free (run);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteRun *run = task_data;
  GError *error = NULL;

  if (mfa_bundle_write (run->content, run->target, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
mfa_bundle_write_async (MfaBundleContent    *content,
                        const gchar         *target,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  WriteRun *run = g_new0 (WriteRun, 1);

  g_return_if_fail (content != NULL && target != NULL);

  run->content = content;
  run->target = g_strdup (target);
  g_task_set_source_tag (task, mfa_bundle_write_async);
  g_task_set_task_data (task, run, (GDestroyNotify) write_run_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
mfa_bundle_write_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, mfa_bundle_write_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- inspecting an image to attach ---------------------------------------- */

typedef struct
{
  gchar  *source;
  guint   n_qr_codes;
  GBytes *masked;
} InspectRun;

static void
inspect_run_free (InspectRun *run)
{
  g_free (run->source);
  g_clear_pointer (&run->masked, g_bytes_unref);
  g_free (run);
}

static void
inspect_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  InspectRun *run = task_data;
  GError *error = NULL;

  if (mfa_bundle_inspect_image (run->source, &run->n_qr_codes, &run->masked, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
mfa_bundle_inspect_image_async (const gchar         *source,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  InspectRun *run = g_new0 (InspectRun, 1);

  g_return_if_fail (source != NULL);

  run->source = g_strdup (source);
  g_task_set_source_tag (task, mfa_bundle_inspect_image_async);
  g_task_set_task_data (task, run, (GDestroyNotify) inspect_run_free);
  g_task_run_in_thread (task, inspect_thread);
}

gboolean
mfa_bundle_inspect_image_finish (GAsyncResult  *result,
                                 guint         *n_qr_codes,
                                 GBytes       **masked,
                                 GError       **error)
{
  InspectRun *run;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, mfa_bundle_inspect_image_async),
                        FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  run = g_task_get_task_data (G_TASK (result));
  if (n_qr_codes != NULL)
    *n_qr_codes = run->n_qr_codes;
  if (masked != NULL)
    *masked = run->masked != NULL ? g_bytes_ref (run->masked) : NULL;
  return TRUE;
}

/* ---- one attachment, in full ----------------------------------------------- */

typedef struct
{
  gchar  *bundle;
  gchar  *path;
  gchar  *sha256;
  gint    max_side;
  gint64  max_pixels;
  gint    original_width;  /* before decoding to the size asked for */
} ImageLoad;

static void
image_load_free (ImageLoad *load)
{
  g_free (load->bundle);
  g_free (load->path);
  g_free (load->sha256);
  g_free (load);
}

/* Decoded no larger than asked: a picture beyond that is scaled down as it
 * is read. */
static void
fit_size (GdkPixbufLoader *loader,
          gint             width,
          gint             height,
          gpointer         user_data)
{
  ImageLoad *load = user_data;
  gdouble scale = MIN (1.0, MIN ((gdouble) load->max_side / MAX (width, 1),
                                 (gdouble) load->max_side / MAX (height, 1)));

  load->original_width = width;
  if (width <= 0 || height <= 0 || (gint64) width * height > load->max_pixels)
    gdk_pixbuf_loader_set_size (loader, 0, 0); /* stops the loader */
  else if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (gint) (width * scale)),
                                MAX (1, (gint) (height * scale)));
}

static void
image_load_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ImageLoad *load = task_data;
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  GError *error = NULL;
  g_autoptr(GBytes) bytes = mfa_bundle_read_entry (load->bundle, load->path, load->sha256,
                                                   MFA_BUNDLE_MAX_ATTACHMENT_SIZE, &error);
  GdkPixbuf *pixbuf;

  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (fit_size), load);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &error))
    gdk_pixbuf_loader_close (loader, NULL); /* closed even so, or gdk-pixbuf warns */
  else
    gdk_pixbuf_loader_close (loader, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_pointer (&bytes, g_bytes_unref);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    g_task_return_new_error (task, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                             _("the image holds no picture"));
  else
    g_task_return_pointer (task, g_object_ref (pixbuf), g_object_unref);
}

void
mfa_bundle_read_image_async (const gchar         *bundle,
                             const gchar         *path,
                             const gchar         *sha256,
                             gint                 max_side,
                             gint64               max_pixels,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImageLoad *load = g_new0 (ImageLoad, 1);

  g_return_if_fail (bundle != NULL && path != NULL);

  load->bundle = g_strdup (bundle);
  load->path = g_strdup (path);
  load->sha256 = g_strdup (sha256);
  load->max_side = MAX (1, max_side);
  load->max_pixels = max_pixels;
  g_task_set_source_tag (task, mfa_bundle_read_image_async);
  g_task_set_task_data (task, load, (GDestroyNotify) image_load_free);
  g_task_run_in_thread (task, image_load_thread);
}

GdkPixbuf *
mfa_bundle_read_image_finish (GAsyncResult  *result,
                              gint          *original_width,
                              GError       **error)
{
  ImageLoad *load;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, mfa_bundle_read_image_async), NULL);

  load = g_task_get_task_data (G_TASK (result));
  if (original_width != NULL)
    *original_width = load->original_width;
  return g_task_propagate_pointer (G_TASK (result), error);
}
