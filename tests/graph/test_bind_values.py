"""bind_values: a bound variable is the same constant wherever the query uses it, sub-selects
included, and its value never changes the query's text around it."""
import pytest
from rdflib import Literal, URIRef

from graph.errors import QueryError
from graph.store import bind_values

TYPE = Literal("drone_strike")


def test_the_outer_group_gets_every_binding():
    bound = bind_values("SELECT ?i WHERE { ?i <urn:p> ?type }", {"type": TYPE})
    assert bound == 'SELECT ?i WHERE { VALUES (?type) { ("drone_strike") }  ?i <urn:p> ?type }'
    assert bind_values("ASK { ?s ?p ?o }", {"s": URIRef("urn:s")}) == "ASK { VALUES (?s) { (<urn:s>) }  ?s ?p ?o }"
    # a CONSTRUCT template is not the WHERE group
    assert bind_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": URIRef("urn:s")}) == \
        "CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { (<urn:s>) }  ?s ?p ?o }"


def test_a_sub_select_that_uses_a_binding_gets_it_too():
    query = """SELECT ?i ?label WHERE {
  { SELECT ?i WHERE { ?i <urn:type> ?type } ORDER BY ?i LIMIT 100 }
  { SELECT ?i ?label WHERE { ?i <urn:label> ?label } }
  OPTIONAL { SELECT ?i (COUNT(?d) AS ?n) WHERE { ?i <urn:doc> ?d } GROUP BY ?i HAVING (COUNT(?d) >= ?min) }
}"""
    bound = bind_values(query, {"type": TYPE, "min": Literal(2)})
    block = 'VALUES (?type ?min) { ("drone_strike" "2"^^<http://www.w3.org/2001/XMLSchema#integer>) }'
    assert bound.startswith("SELECT ?i ?label WHERE { " + block)
    assert '{ SELECT ?i WHERE { VALUES (?type) { ("drone_strike") }  ?i <urn:type> ?type }' in bound
    assert "{ SELECT ?i ?label WHERE { ?i <urn:label> ?label } }" in bound  # uses neither
    # a variable of the modifiers (HAVING) counts as used
    assert 'WHERE { VALUES (?min) { ("2"^^<http://www.w3.org/2001/XMLSchema#integer>) }  ?i <urn:doc> ?d }' in bound


def test_nested_sub_selects_each_get_a_block():
    bound = bind_values("SELECT * WHERE { { SELECT ?a WHERE { { SELECT ?a WHERE { ?a <urn:p> ?x } } } } }",
                        {"x": URIRef("urn:x")})
    assert bound.count("VALUES (?x) { (<urn:x>) }") == 3


def test_comments_strings_and_iris_are_not_groups():
    query = """PREFIX ex: <urn:ex:{}>
# a comment with WHERE { and SELECT ?x
SELECT ?s WHERE {
  ?s ex:p "} { SELECT ?x WHERE {" , '''{ SELECT ?x }''' , <urn:{SELECT}> .
  ?s ex:select ?x .
}"""
    bound = bind_values(query, {"x": Literal(1)})
    assert bound.count("VALUES") == 1
    assert 'SELECT ?s WHERE { VALUES (?x) { ("1"^^<http://www.w3.org/2001/XMLSchema#integer>) } ' in bound
    assert bound.replace(' VALUES (?x) { ("1"^^<http://www.w3.org/2001/XMLSchema#integer>) } ', "") == query


def test_several_values_give_one_row_each_wherever_bound():
    bound = bind_values("SELECT ?i WHERE { { SELECT ?i WHERE { ?i <urn:p> ?t } } }",
                        {"t": [Literal("a"), Literal("b")]})
    assert bound.count('VALUES ?t { "a" "b" }') == 2


def test_values_stay_literals_and_names_are_checked():
    bound = bind_values("SELECT ?i WHERE { { SELECT ?i WHERE { ?i <urn:p> ?t } } }",
                        {"t": Literal('x" } } DROP ALL ; SELECT * { ?a ?b ?c')})
    assert bound.count('"x\\" } } DROP ALL ; SELECT * { ?a ?b ?c"') == 2
    with pytest.raises(QueryError):
        bind_values("SELECT ?i WHERE { ?i ?p ?o }", {"i } DROP ALL": Literal(1)})
    with pytest.raises(QueryError):
        bind_values("DESCRIBE <urn:x>", {"x": Literal(1)})
