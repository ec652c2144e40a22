"""A query helper every app may use (accounts is the lowest app)."""

from django.db.models import BooleanField, F, Func, QuerySet, Subquery


class InIds(Func):
    """The condition `column IN (ids)`, written `column = ANY(ARRAY(ids))` on PostgreSQL.

    There the ids are read once (an InitPlan) and looked up in the column's index, also
    beside other conditions on the same table (a BitmapAnd or BitmapOr). As a join or a
    plain IN, the planner may instead scan the table by another condition first: a unit's
    running placements, scoped through their young people, became a scan of the whole
    country's running placements. Use it with few enough ids to list (a unit's youth).
    """

    conditional = True
    output_field = BooleanField()

    def __init__(self, column: str, ids: QuerySet):
        super().__init__(F(column), Subquery(ids.order_by()))

    def as_sql(self, compiler, connection, operator=" IN ", closing="", **extra_context):
        (column, column_params), (ids, ids_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        return f"{column}{operator}{ids}{closing}", (*column_params, *ids_params)

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, operator=" = ANY(ARRAY", closing=")")
