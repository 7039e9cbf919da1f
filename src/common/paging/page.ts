/**
 * One page of a paged list, as a service returns it: the rows, and when
 * more follow, the query string of the next page. PageAnswers turns `next`
 * into the `Link` header and answers the rows alone.
 */
export interface Page<T> {
  items: T[];
  next?: URLSearchParams;
}
