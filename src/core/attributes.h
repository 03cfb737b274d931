#ifndef CG_ATTRIBUTES_H
#define CG_ATTRIBUTES_H

#if defined(__GNUC__) || defined(__clang__)
#define CG_PRINTF(fmt, first) __attribute__((format(printf, fmt, first)))
#define CG_NORETURN __attribute__((noreturn))
#else
#define CG_PRINTF(fmt, first)
#define CG_NORETURN
#endif

#endif
