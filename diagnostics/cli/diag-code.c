/* diag-code.c: mfa-diag code — why is this verification code rejected?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "diag-code"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "code/base32.h"
#include "cli-common.h"
#include "code/code-check.h"
#include "diag-commands.h"
#include "code/key-input.h"
#include "mfa-error.h"
#include "mfa-format.h"
#include "mfa-input.h"
#include "mfa-secret.h"
#include "code/otpauth-uri.h"
#include "qr-module.h"
#include "qr/qr-image.h"

/* A key file holds one key or one URI: a few hundred bytes at most. */
#define MAX_KEY_FILE_SIZE (16 * 1024)

typedef struct
{
  gchar    *key_file;
  gchar    *uri_file;
  gchar    *qr_image;
  gchar    *key_on_command_line;
  gchar    *algorithm;
  gint      digits;
  gint      period;
  gchar    *at;
  gint      window_steps;
  gboolean  json;
  gchar   **codes;
} CodeOptions;

static void
code_options_clear (CodeOptions *options)
{
  g_free (options->key_file);
  g_free (options->uri_file);
  g_free (options->qr_image);
  mfa_free_string (options->key_on_command_line);
  g_free (options->algorithm);
  g_free (options->at);
  mfa_free_strv (options->codes);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CodeOptions, code_options_clear)

/* The first QR code in the image that holds an otpauth:// URI. */
static MfaOtpauth *
load_qr_key (const gchar  *path,
             GError      **error)
{
  /* The image shows the key: its bytes are wiped after use. */
  g_autoptr(MfaWipedBytes) bytes = mfa_input_read_file (path, MFA_KEY_MAX_IMAGE_SIZE, error);
  g_autofree gchar *display = g_filename_display_name (path);
  g_autoptr(GPtrArray) symbols = NULL;
  const MfaQrModule *qr;
  const guint8 *data;
  gsize len;

  if (bytes == NULL)
    return NULL;
  qr = mfa_qr_module_load (error);
  if (qr == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (!mfa_key_check_image (data, len, qr->is_image (data, len), display, error))
    return NULL;
  symbols = qr->find_in_data (data, len, error);
  if (symbols == NULL)
    return NULL;
  return mfa_key_from_qr_symbols (symbols, display, error);
}

/* Reads the key from a file of base32 text or of an otpauth:// URI, or
 * from a QR image. */
static MfaOtpauth *
load_key (const CodeOptions  *options,
          GError            **error)
{
  const gchar *path = options->uri_file != NULL ? options->uri_file : options->key_file;
  g_autoptr(MfaSecretString) text = NULL;

  if (options->qr_image != NULL)
    return load_qr_key (options->qr_image, error);
  text = mfa_read_secret_file (path, MAX_KEY_FILE_SIZE, error);
  if (text == NULL)
    return NULL;
  g_strstrip (text);
  if (options->uri_file != NULL)
    return mfa_otpauth_parse (text, error);
  return mfa_key_from_text (text, error);
}

/* Explicit options override what the URI declares. */
static gboolean
apply_overrides (const CodeOptions  *options,
                 MfaOtpParams       *params,
                 GError            **error)
{
  if (options->algorithm != NULL && !mfa_algorithm_from_string (options->algorithm,
                                                                &params->algorithm))
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("--algorithm must be SHA1, SHA256 or SHA512, not “%s”"), options->algorithm);
      return FALSE;
    }
  if (options->digits != 0)
    {
      if (options->digits < MFA_OTP_MIN_DIGITS || options->digits > MFA_OTP_MAX_DIGITS)
        {
          g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                       _("--digits must be 6, 7 or 8"));
          return FALSE;
        }
      params->digits = options->digits;
    }
  if (options->period != 0)
    {
      if (options->period < 1 || options->period > MFA_OTP_MAX_PERIOD)
        {
          g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                       _("--period must be between 1 and %d seconds"), MFA_OTP_MAX_PERIOD);
          return FALSE;
        }
      params->period = options->period;
    }
  return TRUE;
}

static guint
window_seconds (const CodeOptions  *options,
                const MfaOtpParams *params,
                GError            **error)
{
  if (options->window_steps == 0)
    return MFA_CODE_CHECK_DEFAULT_WINDOW;
  if (options->window_steps < 0 || (gint64) options->window_steps * params->period > 7 * 86400)
    {
      g_set_error (error, MFA_ERROR, MFA_ERROR_INVALID_ARGUMENT,
                   _("--window must be a positive number of steps reaching at most 7 days"));
      return 0;
    }
  return options->window_steps * params->period;
}

static void
print_report (const MfaCodeReport *report)
{
  g_autofree gchar *when = mfa_format_iso8601 (report->reference_time * G_USEC_PER_SEC);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Checked %u code against the key at %s (%s, %u digits, %u-second "
                        "period).\n",
                        "Checked %u codes against the key at %s (%s, %u digits, %u-second "
                        "period).\n",
                        report->results->len),
           report->results->len, when, mfa_algorithm_to_string (report->declared.algorithm),
           report->declared.digits, report->declared.period);
  for (guint i = 0; i < report->results->len; i++)
    {
      g_autofree gchar *sentence = mfa_code_result_describe (report, i);

      g_print ("%s\n", sentence);
    }
}

static int
run_check (CodeOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MfaOtpauth) key = NULL;
  g_autoptr(MfaCodeReport) report = NULL;
  gint64 reference = g_get_real_time () / G_USEC_PER_SEC;
  guint window;

  if (options->at != NULL && !mfa_parse_time (options->at, &reference, &error))
    return mfa_cli_fail ("%s", error->message);
  key = load_key (options, &error);
  if (key == NULL)
    return mfa_cli_fail ("%s", error->message);
  if (!mfa_key_check_time_based (key, &error))
    return mfa_cli_fail ("%s", error->message);
  if (!apply_overrides (options, &key->params, &error))
    return mfa_cli_fail ("%s", error->message);
  window = window_seconds (options, &key->params, &error);
  if (window == 0)
    return mfa_cli_fail ("%s", error->message);

  report = mfa_code_check (key->secret, &key->params, reference, window,
                           (const gchar * const *) options->codes);
  if (options->json)
    {
      g_autofree gchar *text = mfa_code_report_to_json (report);

      g_print ("%s\n", text);
    }
  else
    print_report (report);
  return mfa_code_report_all_current (report) ? MFA_EXIT_OK : MFA_EXIT_PROBLEM;
}

/* The key never comes from the command line: every user on the machine can
 * read it there through ps. The option exists only to refuse it clearly. */
static void
wipe_key_arguments (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--key") && i + 1 < argc)
        mfa_wipe_string (argv[i + 1]);
      else if (g_str_has_prefix (argv[i], "--key="))
        mfa_wipe_string (argv[i] + strlen ("--key="));
    }
}

int
mfa_diag_code_main (int    argc,
                    char **argv)
{
  g_auto(CodeOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "key-file", 0, 0, G_OPTION_ARG_FILENAME, &options.key_file,
      N_("Read the base32 key (or an otpauth:// URI) from FILE; - for standard input"),
      N_("FILE") },
    { "uri-file", 0, 0, G_OPTION_ARG_FILENAME, &options.uri_file,
      N_("Read an otpauth:// URI from FILE; - for standard input"), N_("FILE") },
    { "qr", 0, 0, G_OPTION_ARG_FILENAME, &options.qr_image,
      N_("Read the key from a QR code (otpauth://) in a PNG or JPEG image"), N_("IMAGE") },
    { "key", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &options.key_on_command_line,
      NULL, NULL },
    { "algorithm", 0, 0, G_OPTION_ARG_STRING, &options.algorithm,
      N_("Hash algorithm: SHA1 (default), SHA256 or SHA512"), N_("NAME") },
    { "digits", 0, 0, G_OPTION_ARG_INT, &options.digits,
      N_("Digits in a code: 6 (default), 7 or 8"), N_("N") },
    { "period", 0, 0, G_OPTION_ARG_INT, &options.period,
      N_("Seconds each code lasts (default 30)"), N_("SECONDS") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &options.at,
      N_("Check against this time (ISO 8601 or @UNIXSECONDS) instead of now"), N_("TIME") },
    { "window", 0, 0, G_OPTION_ARG_INT, &options.window_steps,
      N_("Search the declared settings this many steps either way (default: 24 hours; other settings: 5 minutes at most)"), N_("STEPS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json,
      N_("Print the result as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.codes, NULL, N_("CODE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  int status;

  mfa_secret_protect_process ();
  wipe_key_arguments (argc, argv);
  g_option_context_set_summary (context, _("Find out why a verification code is rejected: "
                                           "checks each CODE against the key."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  status = mfa_cli_parse (context, &argc, &argv);
  if (status != MFA_EXIT_OK)
    return status;

  if (options.key_on_command_line != NULL)
    return mfa_cli_fail (_("refusing --key: a key on the command line can be read by every "
                           "user through ps; use --key-file FILE, or --key-file - to type or "
                           "pipe it"));
  if ((options.key_file != NULL) + (options.uri_file != NULL) + (options.qr_image != NULL) != 1)
    return mfa_cli_fail (_("give the key with exactly one of --key-file FILE, --uri-file FILE "
                           "or --qr IMAGE"));
  if (options.codes == NULL || options.codes[0] == NULL)
    return mfa_cli_fail (_("give at least one CODE to check"));
  return run_check (&options);
}
