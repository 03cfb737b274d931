/* placeholder until the CLI lands (being written now) */
int main(void) { return 2; }
