/* help.h: the texts behind `help` and `help TOPIC`. */
#ifndef ACTVIZ_HELP_H
#define ACTVIZ_HELP_H

#include <stddef.h>

/* The text of a topic ("" for the overview); NULL if there is none. */
const char *help_text(const char *topic, size_t len);
/* Topic names, NULL-terminated (completion, suggestions). */
const char *const *help_topics(void);

#endif
