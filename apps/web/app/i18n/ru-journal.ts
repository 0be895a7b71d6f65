/** Russian interface texts of the journal pages; keys start with 'journal.'. */
export const ruJournal = {} as const;
