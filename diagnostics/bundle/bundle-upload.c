/* bundle-upload.c: sending a saved ticket bundle to an organisation's endpoint
 *
 * One POST, the body streamed from the saved file (bundles can hold tens of
 * megabytes of screenshots), progress counted from what libsoup reports as
 * written. Only the start of the answer is read: a ticket id or a line of
 * explanation is all a person needs, and a hostile server cannot make us
 * hold more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bundle-upload"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "bundle-upload.h"
#include "mfa-error.h"
#include "mfa-json-depth.h"
#include "mfa-json-read.h"

#define MAX_ANSWER 65536
#define MAX_LINE 200
#define TIMEOUT_SECONDS 60

typedef struct
{
  gchar                   *url;
  SoupSession             *session;
  SoupMessage             *message;
  MfaBundleUploadProgress  progress;
  gpointer                 progress_data;
  goffset                  sent;
  goffset                  total;
  guint8                  *answer;
  gsize                    answer_len;
} Upload;

static void
upload_free (Upload *upload)
{
  if (upload->message != NULL)
    g_signal_handlers_disconnect_by_data (upload->message, upload);
  g_free (upload->url);
  g_clear_object (&upload->message);
  g_clear_object (&upload->session);
  g_free (upload->answer);
  g_free (upload);
}

void
mfa_bundle_upload_reply_free (MfaBundleUploadReply *reply)
{
  if (reply == NULL)
    return;
  g_free (reply->reason);
  g_free (reply->first_line);
  g_free (reply->ticket_id);
  g_free (reply);
}

gboolean
mfa_bundle_upload_url_is_allowed (const gchar  *url,
                                  GError      **error)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const gchar *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  const gchar *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (uri == NULL || host == NULL || host[0] == '\0')
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("The upload address “%s” is not a web address"), url != NULL ? url : "");
      return FALSE;
    }
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  /* Plain HTTP would show the bundle to everyone on the way; on this
   * machine there is no way, which is what tests and local relays use. */
  if (g_ascii_strcasecmp (scheme, "http") == 0
      && (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1")
          || g_ascii_strcasecmp (host, "localhost") == 0))
    return TRUE;
  g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
               _("The upload address “%s” is not an https:// address: a ticket is only sent "
                 "encrypted"), url);
  return FALSE;
}

/* The first line, cut to a readable length; NULL when the body is empty. */
static gchar *
first_line (const guint8 *data,
            gsize         len)
{
  g_autofree gchar *valid = g_utf8_make_valid ((const gchar *) data, len);
  gchar *line = g_strstrip (g_strndup (valid, strcspn (valid, "\r\n")));

  if (g_utf8_strlen (line, -1) > MAX_LINE)
    {
      gchar *end = g_utf8_offset_to_pointer (line, MAX_LINE);

      strcpy (end, "…");
    }
  if (line[0] == '\0')
    g_clear_pointer (&line, g_free);
  return line;
}

static gchar *
ticket_id (const guint8 *data,
           gsize         len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *ticket;

  if (len == 0 || !mfa_json_check_depth ((const gchar *) data, len, "reply", MFA_ERROR_FAILED, NULL)
      || !json_parser_load_from_data (parser, (const gchar *) data, len, NULL)
      || mfa_json_object (json_parser_get_root (parser)) == NULL)
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  ticket = json_object_get_member (object, "ticket");
  if (ticket == NULL || !JSON_NODE_HOLDS_VALUE (ticket))
    return NULL;
  if (json_node_get_value_type (ticket) == G_TYPE_STRING)
    return first_line ((const guint8 *) json_node_get_string (ticket),
                       strlen (json_node_get_string (ticket)));
  if (json_node_get_value_type (ticket) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (ticket));
  return NULL;
}

static void
answer_read (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Upload *upload = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaBundleUploadReply) reply = g_new0 (MfaBundleUploadReply, 1);
  guint status = soup_message_get_status (upload->message);

  /* A half-read answer still has its status: report what arrived. */
  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (source), result, &upload->answer_len,
                                       &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_input_stream_close_async (G_INPUT_STREAM (source), G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  reply->status = status;
  reply->reason = g_strdup (soup_message_get_reason_phrase (upload->message));
  reply->first_line = first_line (upload->answer, upload->answer_len);
  reply->ticket_id = ticket_id (upload->answer, upload->answer_len);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_new_error (task, MFA_ERROR, MFA_ERROR_FAILED,
                               _("The server refused the ticket: %u %s%s%s"), status,
                               reply->reason != NULL ? reply->reason : "",
                               reply->first_line != NULL ? " — " : "",
                               reply->first_line != NULL ? reply->first_line : "");
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&reply),
                         (GDestroyNotify) mfa_bundle_upload_reply_free);
}

static void
sent (GObject      *source,
      GAsyncResult *result,
      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Upload *upload = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GInputStream *answer = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  GCancellable *cancellable;

  if (answer == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, MFA_ERROR, MFA_ERROR_IO,
                                 _("Cannot reach %s: %s"), upload->url, error->message);
      return;
    }
  upload->answer = g_malloc (MAX_ANSWER);
  cancellable = g_task_get_cancellable (task);
  g_input_stream_read_all_async (answer, upload->answer, MAX_ANSWER, G_PRIORITY_DEFAULT,
                                 cancellable, answer_read, g_steal_pointer (&task));
  g_object_unref (answer);
}

static void
wrote_body_data (SoupMessage *message,
                 guint        chunk_size,
                 Upload      *upload)
{
  upload->sent += chunk_size;
  if (upload->progress != NULL)
    upload->progress (upload->sent, upload->total, upload->progress_data);
}

void
mfa_bundle_upload_async (const gchar             *path,
                         const gchar             *url,
                         MfaBundleUploadProgress  progress,
                         gpointer                 progress_data,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  Upload *upload;

  g_task_set_source_tag (task, mfa_bundle_upload_async);
  if (!mfa_bundle_upload_url_is_allowed (url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* A local file opens at once; the network part is what runs async. */
  stream = g_file_read (file, cancellable, &error);
  info = stream != NULL ? g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                          cancellable, &error) : NULL;
  if (info == NULL)
    {
      g_task_return_new_error (task, MFA_ERROR, MFA_ERROR_IO, _("Cannot read the bundle: %s"),
                               error->message);
      return;
    }

  upload = g_new0 (Upload, 1);
  upload->url = g_strdup (url);
  upload->progress = progress;
  upload->progress_data = progress_data;
  upload->total = g_file_info_get_size (info);
  upload->session = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS,
                                                   "user-agent", "mfa-troubleshooter/" PACKAGE_VERSION,
                                                   NULL);
  upload->message = soup_message_new (SOUP_METHOD_POST, url);
  g_task_set_task_data (task, upload, (GDestroyNotify) upload_free);
  soup_message_set_request_body (upload->message, MFA_BUNDLE_MEDIA_TYPE, G_INPUT_STREAM (stream),
                                 upload->total);
  g_signal_connect (upload->message, "wrote-body-data", G_CALLBACK (wrote_body_data), upload);
  soup_session_send_async (upload->session, upload->message, G_PRIORITY_DEFAULT, cancellable,
                           sent, g_steal_pointer (&task));
}

MfaBundleUploadReply *
mfa_bundle_upload_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
