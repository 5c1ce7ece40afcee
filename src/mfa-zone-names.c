/* mfa-zone-names.c: time zones as people name them
 *
 * The ticket records IANA identifiers (Asia/Shanghai), which support's
 * tools read; people know their zone by its city and country. tzdata ships
 * both tables (zone1970.tab: zone → countries, iso3166.tab: country → name),
 * and iso-codes translates the country names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mfa-zone-names"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mfa-zone-names.h"

#define ZONE_TABLE    "/usr/share/zoneinfo/zone1970.tab"
#define COUNTRY_TABLE "/usr/share/zoneinfo/iso3166.tab"
#define ISO_DOMAIN    "iso_3166-1"

static const gchar *const utc_names[] = {
  "UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "Universal", "Zulu", "UCT",
  "Etc/GMT", "GMT", "Etc/Greenwich",
};

gboolean
mfa_zone_is_utc (const gchar *zone_id)
{
  return zone_id != NULL && g_strv_contains ((const gchar *const *) utc_names, zone_id);
}

/* One table of tzdata, as rows of tab-separated fields; comments skipped. */
static GPtrArray *
read_table (const gchar *path)
{
  g_autofree gchar *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return rows;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '#' && lines[i][0] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", 5));
  return rows;
}

/* Read once: the tables do not change while the app runs. */
static GHashTable *
zone_countries (void)
{
  static GHashTable *countries;

  if (g_once_init_enter (&countries))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GPtrArray) zones = read_table (ZONE_TABLE);
      g_autoptr(GPtrArray) names = read_table (COUNTRY_TABLE);
      g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < names->len; i++)
        {
          GStrv row = names->pdata[i];

          if (g_strv_length (row) >= 2)
            g_hash_table_insert (by_code, row[0], row[1]);
        }
      for (guint i = 0; i < zones->len; i++)
        {
          GStrv row = zones->pdata[i];
          g_autofree gchar *code = NULL;
          const gchar *country;

          if (g_strv_length (row) < 3)
            continue;
          /* "CH,DE,LI": the zone's first country names it. */
          code = g_strndup (row[0], strcspn (row[0], ","));
          country = g_hash_table_lookup (by_code, code);
          g_hash_table_insert (table, g_strdup (row[2]), g_strdup (country != NULL ? country : ""));
        }
      g_once_init_leave (&countries, table);
    }
  return countries;
}

/* "America/Argentina/Buenos_Aires" → "Buenos Aires" */
static gchar *
city_of (const gchar *zone_id)
{
  const gchar *slash = strrchr (zone_id, '/');
  gchar *city = g_strdup (slash != NULL ? slash + 1 : zone_id);

  g_strdelimit (city, "_", ' ');
  return city;
}

gchar *
mfa_zone_display_name (const gchar *zone_id)
{
  const gchar *country;
  g_autofree gchar *city = NULL;

  if (zone_id == NULL || zone_id[0] == '\0' || mfa_zone_is_utc (zone_id))
    return g_strdup (_("Coordinated Universal Time"));
  city = city_of (zone_id);
  country = g_hash_table_lookup (zone_countries (), zone_id);
  if (country == NULL || country[0] == '\0')
    return g_steal_pointer (&city);
  /* TRANSLATORS: a time zone by its city and country: "Shanghai, China" */
  return g_strdup_printf (_("%s, %s"), city, g_dgettext (ISO_DOMAIN, country));
}

static gint
compare_shown (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GHashTable *shown = user_data;

  return g_utf8_collate (g_hash_table_lookup (shown, *(const gchar *const *) a),
                         g_hash_table_lookup (shown, *(const gchar *const *) b));
}

GPtrArray *
mfa_zone_list (const gchar  *extra,
               GPtrArray   **names)
{
  GPtrArray *zones = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer zone_id;

  g_hash_table_iter_init (&iter, zone_countries ());
  while (g_hash_table_iter_next (&iter, &zone_id, NULL))
    g_ptr_array_add (zones, g_strdup (zone_id));
  g_ptr_array_add (zones, g_strdup ("UTC"));
  if (extra != NULL && !mfa_zone_is_utc (extra)
      && !g_ptr_array_find_with_equal_func (zones, extra, g_str_equal, NULL))
    g_ptr_array_add (zones, g_strdup (extra));
  for (guint i = 0; i < zones->len; i++)
    g_hash_table_insert (shown, zones->pdata[i], mfa_zone_display_name (zones->pdata[i]));
  g_ptr_array_sort_with_data (zones, compare_shown, shown);
  if (names != NULL)
    {
      *names = g_ptr_array_new_full (zones->len, g_free);
      for (guint i = 0; i < zones->len; i++)
        g_ptr_array_add (*names, g_strdup (g_hash_table_lookup (shown, zones->pdata[i])));
    }
  return zones;
}
